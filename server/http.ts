/** Maps the application's errors to HTTP responses, in one place for every route handler. */
import { z } from "zod";
import { AppError, TooManyRequestsError, UnsupportedMediaTypeError, ValidationError } from "./errors";

export function errorResponse(e: unknown): Response {
  if (e instanceof z.ZodError) e = new ValidationError(z.prettifyError(e));
  if (e instanceof AppError) {
    const headers = e instanceof TooManyRequestsError ? { "Retry-After": String(e.retryAfterSeconds) } : undefined;
    return Response.json({ error: { code: e.code, message: e.message } }, { status: e.status, headers });
  }
  console.error(e);
  return Response.json({ error: { code: "internal", message: "internal error" } }, { status: 500 });
}

/** Runs a route body, turning thrown errors into JSON error responses. */
export async function handle(body: () => Promise<unknown>, init?: ResponseInit): Promise<Response> {
  try {
    return Response.json(await body(), init);
  } catch (e) {
    return errorResponse(e);
  }
}

/** application/json, or a JSON-based type (application/problem+json), with any parameters. */
const JSON_TYPE = /^application\/(?:[\w.-]+\+)?json[ \t]*(?:;|$)/i;

/**
 * Reads and validates a JSON request body. The body must be declared JSON: a form or text body
 * is a 415 (a plain HTML form from another site cannot send one, and a client that forgot the
 * header hears why).
 */
export async function readJson<T>(request: Request, schema: z.ZodType<T>): Promise<T> {
  const type = request.headers.get("content-type");
  if (!type || !JSON_TYPE.test(type.trim())) {
    throw new UnsupportedMediaTypeError(`the request body must be JSON, sent with Content-Type: application/json (got ${type ? JSON.stringify(type) : "no Content-Type"})`);
  }
  let raw: unknown;
  try {
    raw = await request.json();
  } catch {
    throw new ValidationError("request body must be valid JSON");
  }
  return schema.parse(raw);
}
