import { NotFoundError } from "@/server/errors";
import { errorResponse } from "@/server/http";

export const dynamic = "force-dynamic";

/** Any /api path no route serves: a JSON 404 in the API's error shape, not the HTML page. */
function notFound(request: Request): Response {
  return errorResponse(new NotFoundError(`no API route ${request.method} ${new URL(request.url).pathname.slice(0, 200)}`));
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE, notFound as HEAD, notFound as OPTIONS };
