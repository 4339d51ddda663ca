import { dashboardQuerySchema } from "@/lib/api-schemas";
import { handle } from "@/server/http";
import { requestNow } from "@/server/clock";
import { dashboard } from "@/server/use-cases/progress/get-dashboard";

export const dynamic = "force-dynamic";

/** The progress dashboard's numbers, in the user's study days; `?year=2024` gives that year's heatmap. */
export async function GET(request: Request) {
  return handle(async () => {
    const { tz, year } = dashboardQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    return dashboard({ now: requestNow(request), timeZone: tz, year });
  });
}
