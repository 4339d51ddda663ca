import { queryRecord, searchCardsQuerySchema } from "@/lib/api-schemas";
import { handle } from "@/server/http";
import { searchCards } from "@/server/use-cases/search-cards";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return handle(async () => {
    const query = searchCardsQuerySchema.parse(queryRecord(new URL(request.url).searchParams));
    return searchCards({ ...query, now: new Date() });
  });
}
