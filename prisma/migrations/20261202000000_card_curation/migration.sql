-- CreateTable
CREATE TABLE "CardCuration" (
    "cardId" TEXT NOT NULL PRIMARY KEY,
    "deckId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "override" TEXT,
    "sourceHash" TEXT NOT NULL,
    "sourceChanged" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CardCuration_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "Card" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "CardCuration_deckId_status_idx" ON "CardCuration"("deckId", "status");
