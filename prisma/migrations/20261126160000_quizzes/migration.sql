-- Quizzes: settings, seed and questions with their keys; answers and scores once given.

-- CreateTable
CREATE TABLE "Quiz" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "seed" TEXT NOT NULL,
    "settings" TEXT NOT NULL,
    "practice" BOOLEAN NOT NULL DEFAULT false,
    "retakeOf" TEXT,
    "skipped" TEXT NOT NULL DEFAULT '[]',
    "createdAt" DATETIME NOT NULL,
    "deadline" DATETIME,
    "finishedAt" DATETIME,
    "questionCount" INTEGER NOT NULL,
    "score" REAL
);

-- CreateTable
CREATE TABLE "QuizQuestion" (
    "quizId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "cardId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "shownAt" DATETIME,
    "answeredAt" DATETIME,
    "answer" TEXT,
    "result" TEXT,
    "score" REAL,
    "durationMs" INTEGER,
    "rating" INTEGER,
    "reviewId" INTEGER,

    PRIMARY KEY ("quizId", "position"),
    CONSTRAINT "QuizQuestion_quizId_fkey" FOREIGN KEY ("quizId") REFERENCES "Quiz" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "QuizQuestion_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "Card" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Quiz_createdAt_idx" ON "Quiz"("createdAt");

-- CreateIndex
CREATE INDEX "QuizQuestion_cardId_idx" ON "QuizQuestion"("cardId");

