import { createInterviewDateSchema } from "@/lib/planning/schemas";
import { handle, readJson } from "@/server/http";
import { requestNow } from "@/server/clock";
import { listInterviewDates } from "@/server/use-cases/planning/list-interview-dates";
import { setInterviewDate } from "@/server/use-cases/planning/set-interview-date";

export const dynamic = "force-dynamic";

/** Every interview date, soonest first (interviewDateListSchema). */
export async function GET(request: Request) {
  return handle(() => listInterviewDates({ now: requestNow(request) }));
}

/** A new interview date (interviewDateSchema); the plan applies from each card's next rating. */
export async function POST(request: Request) {
  return handle(async () => setInterviewDate({ fields: await readJson(request, createInterviewDateSchema), now: requestNow(request) }), { status: 201 });
}
