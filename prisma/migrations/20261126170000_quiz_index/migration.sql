-- Quiz candidates by index: a deck's studyable cards by kind, whether they have a short
-- (typed) answer, their topic and id, so a quiz ranks 100,000 cards without reading rows.
-- An index on an expression, which schema.prisma cannot declare; server/use-cases/quiz/
-- create-quiz.ts uses the same expression (HAS_SHORT_ANSWER) so that SQLite picks it.
CREATE INDEX "Card_quiz_candidates_idx" ON "Card"("deckId", "retired", "suspended", "kind", (json_extract("data", '$.typeAnswer.expected') IS NOT NULL), "topic", "id");
