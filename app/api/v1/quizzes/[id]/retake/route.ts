import { quizIdSchema, retakeQuizSchema } from "@/lib/quiz/schemas";
import { handle, readJson } from "@/server/http";
import { requestNow } from "@/server/clock";
import { retakeQuiz } from "@/server/use-cases/quiz/create-quiz";

export const dynamic = "force-dynamic";

/** A new quiz of the questions this one got wrong. */
export async function POST(request: Request, ctx: RouteContext<"/api/v1/quizzes/[id]/retake">) {
  return handle(
    async () => {
      const quizId = quizIdSchema.parse((await ctx.params).id);
      return retakeQuiz({ quizId, ...(await readJson(request, retakeQuizSchema)), now: requestNow(request) });
    },
    { status: 201 },
  );
}
