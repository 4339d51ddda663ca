-- Deck option presets (preset 1 is the default), user settings, and the state a card had
-- before each review (daily limits count reviews of new and of review cards).
CREATE TABLE "Preset" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "options" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

CREATE TABLE "Setting" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL
);

CREATE UNIQUE INDEX "Preset_name_key" ON "Preset"("name");

INSERT INTO "Preset" ("id", "name", "options", "updatedAt") VALUES (1, 'Default', '{}', 0);

ALTER TABLE "Review" ADD COLUMN "prevState" INTEGER NOT NULL DEFAULT 0;
UPDATE "Review" SET "prevState" = COALESCE(json_extract("before", '$.state'), 0);

-- RedefineTables: SQLite cannot add a column with a foreign key and a non-null default
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Deck" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "source" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "tags" TEXT NOT NULL DEFAULT '[]',
    "language" TEXT NOT NULL DEFAULT '',
    "groupPath" TEXT NOT NULL DEFAULT '',
    "notesMode" BOOLEAN NOT NULL DEFAULT false,
    "contentHash" TEXT NOT NULL,
    "importedAt" DATETIME NOT NULL,
    "presetId" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "Deck_presetId_fkey" FOREIGN KEY ("presetId") REFERENCES "Preset" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Deck" ("id", "source", "title", "description", "tags", "language", "groupPath", "notesMode", "contentHash", "importedAt") SELECT "id", "source", "title", "description", "tags", "language", "groupPath", "notesMode", "contentHash", "importedAt" FROM "Deck";
DROP TABLE "Deck";
ALTER TABLE "new_Deck" RENAME TO "Deck";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
