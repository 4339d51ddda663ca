import { quizIdSchema } from "@/lib/quiz/schemas";
import { handle } from "@/server/http";
import { requestNow } from "@/server/clock";
import { getQuiz } from "@/server/use-cases/quiz/get-quiz";

export const dynamic = "force-dynamic";

/** A quiz as it stands: progress, deadline and the current question. */
export async function GET(request: Request, ctx: RouteContext<"/api/v1/quizzes/[id]">) {
  return handle(async () => getQuiz({ quizId: quizIdSchema.parse((await ctx.params).id), now: requestNow(request) }));
}
