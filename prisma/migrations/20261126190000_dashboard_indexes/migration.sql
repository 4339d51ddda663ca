-- The dashboard: reviews per study day, retention and time studied, and the due forecast, from indexes.
-- CreateIndex
CREATE INDEX "Card_retired_suspended_due_state_idx" ON "Card"("retired", "suspended", "due", "state");

-- CreateIndex
CREATE INDEX "Review_reviewedAt_prevState_rating_durationMs_idx" ON "Review"("reviewedAt", "prevState", "rating", "durationMs");

