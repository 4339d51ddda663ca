-- The due queue and today's counts read indexes only: a covering index on Card, and the
-- deck of each review (a card never changes deck: its id includes the deck).
ALTER TABLE "Review" ADD COLUMN "deckId" TEXT NOT NULL DEFAULT '';
UPDATE "Review" SET "deckId" = (SELECT "deckId" FROM "Card" WHERE "Card"."id" = "Review"."cardId");
CREATE INDEX "Card_deckId_retired_state_due_suspended_buriedUntil_idx" ON "Card"("deckId", "retired", "state", "due", "suspended", "buriedUntil");
CREATE INDEX "Review_deckId_reviewedAt_prevState_source_idx" ON "Review"("deckId", "reviewedAt", "prevState", "source");
CREATE INDEX "Card_deckId_position_id_idx" ON "Card"("deckId", "position", "id");
