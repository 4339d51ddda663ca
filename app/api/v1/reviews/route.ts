import { reviewRequestSchema } from "@/lib/api-schemas";
import { handle, readJson } from "@/server/http";
import { requestNow } from "@/server/clock";
import { recordReview } from "@/server/use-cases/study/record-review";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  return handle(async () => recordReview({ ...(await readJson(request, reviewRequestSchema)), now: requestNow(request) }));
}
