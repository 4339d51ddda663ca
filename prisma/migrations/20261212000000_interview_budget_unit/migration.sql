-- An interview date's daily budget in reviews (as before) or in minutes (issue 16): minutes are
-- turned into reviews with the time the learner's own recent reviews took.

-- AlterTable
ALTER TABLE "InterviewDate" ADD COLUMN "budgetUnit" TEXT NOT NULL DEFAULT 'reviews';
