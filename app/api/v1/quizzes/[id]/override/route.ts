import { overrideQuizSchema, quizIdSchema } from "@/lib/quiz/schemas";
import { handle, readJson } from "@/server/http";
import { overrideAnswer } from "@/server/use-cases/quiz/override-answer";

export const dynamic = "force-dynamic";

/** "I was right": a typed answer the checker marked wrong scores 1, and its review becomes a right answer's. */
export async function POST(request: Request, ctx: RouteContext<"/api/v1/quizzes/[id]/override">) {
  return handle(async () => {
    const quizId = quizIdSchema.parse((await ctx.params).id);
    const body = await readJson(request, overrideQuizSchema);
    return overrideAnswer({ quizId, position: body.position });
  });
}
