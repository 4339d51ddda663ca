-- Card actions: suspend, bury until the next study day, flag.
ALTER TABLE "Card" ADD COLUMN "suspended" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Card" ADD COLUMN "buriedUntil" DATETIME;
ALTER TABLE "Card" ADD COLUMN "flag" INTEGER NOT NULL DEFAULT 0;
