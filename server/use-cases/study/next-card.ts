import type { StudyCard } from "@/lib/api-schemas";
import { studyQueue, type StudyQueueOptions } from "./study-queue";

/** The next card to study in a deck (see studyQueue), or null. */
export async function nextCard(options: StudyQueueOptions): Promise<StudyCard | null> {
  return (await studyQueue(options)).card;
}
