import { answerQuizSchema, quizIdSchema } from "@/lib/quiz/schemas";
import { handle, readJson } from "@/server/http";
import { requestNow } from "@/server/clock";
import { answerQuestion } from "@/server/use-cases/quiz/answer-question";

export const dynamic = "force-dynamic";

/** Answers the current question; the response reveals the right answer and the score. */
export async function POST(request: Request, ctx: RouteContext<"/api/v1/quizzes/[id]/answers">) {
  return handle(async () => {
    const quizId = quizIdSchema.parse((await ctx.params).id);
    const body = await readJson(request, answerQuizSchema);
    return answerQuestion({ quizId, ...body, now: requestNow(request) });
  });
}
