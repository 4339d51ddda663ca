import { reviewIdSchema } from "@/lib/api-schemas";
import { handle } from "@/server/http";
import { requestNow } from "@/server/clock";
import { undoReview } from "@/server/use-cases/study/undo-review";

export const dynamic = "force-dynamic";

/** Undo: restores the card's state before this review and removes the review. */
export async function DELETE(request: Request, ctx: RouteContext<"/api/v1/reviews/[id]">) {
  return handle(async () => undoReview({ reviewId: reviewIdSchema.parse((await ctx.params).id), now: requestNow(request) }));
}
