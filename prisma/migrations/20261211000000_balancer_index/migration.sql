-- The load balancer counts a preset's cards due on each day of a rating's fuzz range, for every
-- card the study screen shows: with deckId in the index that count reads no card rows (13 ms on
-- 8,600 cards in range before, bench/study.ts). The dashboard's forecast uses the same prefix.

-- DropIndex
DROP INDEX "Card_retired_suspended_due_state_idx";

-- CreateIndex
CREATE INDEX "Card_retired_suspended_due_state_deckId_idx" ON "Card"("retired", "suspended", "due", "state", "deckId");
