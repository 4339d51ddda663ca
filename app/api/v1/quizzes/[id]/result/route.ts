import { quizIdSchema } from "@/lib/quiz/schemas";
import { handle } from "@/server/http";
import { requestNow } from "@/server/clock";
import { quizResult } from "@/server/use-cases/quiz/quiz-result";

export const dynamic = "force-dynamic";

/** The result of an ended quiz (409 while it is in progress). */
export async function GET(request: Request, ctx: RouteContext<"/api/v1/quizzes/[id]/result">) {
  return handle(async () => quizResult({ quizId: quizIdSchema.parse((await ctx.params).id), now: requestNow(request) }));
}
