-- Mock interviews: per-question deadlines kept by the server, autosaved drafts, rubric ticks.
-- CreateTable
CREATE TABLE "Interview" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "seed" TEXT NOT NULL,
    "settings" TEXT NOT NULL,
    "practice" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL,
    "deadline" DATETIME,
    "pausedAt" DATETIME,
    "finishedAt" DATETIME,
    "score" REAL,
    "questionCount" INTEGER NOT NULL,
    "missedStudied" DATETIME
);

-- CreateTable
CREATE TABLE "InterviewQuestion" (
    "interviewId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "cardId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "shownAt" DATETIME,
    "deadline" DATETIME,
    "draft" TEXT NOT NULL DEFAULT '',
    "draftSavedAt" DATETIME,
    "submittedAt" DATETIME,
    "autoSubmitted" BOOLEAN NOT NULL DEFAULT false,
    "answer" TEXT,
    "matches" TEXT,
    "ticks" TEXT,
    "result" TEXT,
    "score" REAL,
    "durationMs" INTEGER,
    "reviewId" INTEGER,

    PRIMARY KEY ("interviewId", "position"),
    CONSTRAINT "InterviewQuestion_interviewId_fkey" FOREIGN KEY ("interviewId") REFERENCES "Interview" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "InterviewQuestion_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "Card" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Interview_createdAt_idx" ON "Interview"("createdAt");

-- CreateIndex
CREATE INDEX "InterviewQuestion_cardId_idx" ON "InterviewQuestion"("cardId");

