import { errorResponse } from "@/server/http";
import { readAsset } from "@/server/use-cases/read-asset";

export async function GET(_request: Request, ctx: RouteContext<"/api/v1/assets/[...path]">) {
  try {
    const { path } = await ctx.params;
    const asset = await readAsset({ path: path });
    return new Response(new Uint8Array(asset.body), {
      headers: { "content-type": asset.type, "x-content-type-options": "nosniff", "cache-control": "public, max-age=300" },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
