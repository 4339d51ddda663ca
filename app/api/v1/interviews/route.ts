import { createInterviewSchema } from "@/lib/interview/schemas";
import { handle, readJson } from "@/server/http";
import { requestNow } from "@/server/clock";
import { startInterview } from "@/server/use-cases/interview/start-interview";

export const dynamic = "force-dynamic";

/** A new mock interview from settings and an optional seed. */
export async function POST(request: Request) {
  return handle(async () => startInterview({ settings: await readJson(request, createInterviewSchema), now: requestNow(request) }), { status: 201 });
}
