import { interviewDateIdSchema, updateInterviewDateSchema } from "@/lib/planning/schemas";
import { handle, readJson } from "@/server/http";
import { requestNow } from "@/server/clock";
import { removeInterviewDate } from "@/server/use-cases/planning/remove-interview-date";
import { updateInterviewDate } from "@/server/use-cases/planning/update-interview-date";

export const dynamic = "force-dynamic";

/** Changes the fields given (interviewDateSchema back). */
export async function PATCH(request: Request, ctx: RouteContext<"/api/v1/interview-dates/[id]">) {
  return handle(async () => {
    const id = interviewDateIdSchema.parse((await ctx.params).id);
    return updateInterviewDate({ id, changes: await readJson(request, updateInterviewDateSchema), now: requestNow(request) });
  });
}

/** Removes the date: scheduling of its cards is plain FSRS from their next rating. */
export async function DELETE(_request: Request, ctx: RouteContext<"/api/v1/interview-dates/[id]">) {
  return handle(async () => removeInterviewDate({ id: interviewDateIdSchema.parse((await ctx.params).id) }));
}
