import { z } from "zod";
import { createQuizSchema } from "@/lib/quiz/schemas";
import { handle, readJson } from "@/server/http";
import { requestNow } from "@/server/clock";
import { createQuiz } from "@/server/use-cases/quiz/create-quiz";
import { listQuizzes } from "@/server/use-cases/quiz/list-quizzes";

export const dynamic = "force-dynamic";

const listQuerySchema = z
  .object({
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number({ error: "limit must be a number from 1 to 200" }).int().min(1, "limit must be 1 to 200").max(200, "limit must be 1 to 200").optional(),
  })
  .strict();

/** The history of quizzes, newest first. */
export async function GET(request: Request) {
  return handle(async () => {
    const query = listQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    return listQuizzes({ ...query, now: requestNow(request) });
  });
}

/** A new quiz from settings and an optional seed. */
export async function POST(request: Request) {
  return handle(async () => createQuiz({ settings: await readJson(request, createQuizSchema), now: requestNow(request) }), { status: 201 });
}
