import { quizIdSchema } from "@/lib/quiz/schemas";
import { handle } from "@/server/http";
import { requestNow } from "@/server/clock";
import { finishQuiz } from "@/server/use-cases/quiz/finish-quiz";

export const dynamic = "force-dynamic";

/** Ends the quiz now; unanswered questions score 0. */
export async function POST(request: Request, ctx: RouteContext<"/api/v1/quizzes/[id]/finish">) {
  return handle(async () => finishQuiz({ quizId: quizIdSchema.parse((await ctx.params).id), now: requestNow(request) }));
}
