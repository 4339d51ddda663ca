/** Moved to server/use-cases/study/ (one use case per file) and server/store/study-queue.ts; removed once nothing imports it. */
export { listDecks, type DeckSummary } from "./study/list-decks";
export { studyQueue, type StudyQueue, type StudyQueueOptions } from "./study/study-queue";
export { nextCard } from "./study/next-card";
export { recordReview, reviewInTransaction, type RecordReviewOptions, type ReviewResult } from "./study/record-review";
export { getStudyCard } from "./study/get-study-card";
export { toStudyCard } from "./study/study-card";
export { COUNT_CAP, type CardRow } from "../store/study-queue";
