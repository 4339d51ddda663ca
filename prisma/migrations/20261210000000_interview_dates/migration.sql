-- CreateTable
CREATE TABLE "InterviewDate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "label" TEXT NOT NULL DEFAULT '',
    "at" DATETIME NOT NULL,
    "timeZone" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "targetRecall" REAL NOT NULL DEFAULT 0.9,
    "dailyBudget" INTEGER,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "InterviewDate_at_idx" ON "InterviewDate"("at");

