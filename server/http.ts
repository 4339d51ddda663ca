/** Maps the application's errors to HTTP responses, in one place for every route handler. */
import { z } from "zod";
import { AppError, PayloadTooLargeError, TooManyRequestsError, UnsupportedMediaTypeError, ValidationError } from "./errors";

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

/** The largest JSON body a route reads (the largest real one, an interview answer, is about 60 kB). */
export const MAX_JSON_BYTES = 1024 * 1024;

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/**
 * The whole request body, or 413: when it is (or says it is) larger than `maxBytes`, and when
 * fewer bytes arrived than its Content-Length announced. Next.js hands a route only the first
 * `proxyClientMaxBodySize` bytes of a body (next.config.js); that limit is set above every
 * route's, so a body it cut short is still over the route's limit and refused here, never
 * parsed. Reading stops as soon as the limit is passed.
 */
export async function readBody(request: Request, maxBytes: number, what = "a request body"): Promise<Buffer> {
  const tooLarge = () => new PayloadTooLargeError(`${what} may be at most ${megabytes(maxBytes)}`);
  const header = request.headers.get("content-length");
  const declared = header === null || header.trim() === "" ? null : Number(header);
  if (declared !== null && declared > maxBytes) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => {});
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  if (declared !== null && Number.isFinite(declared) && size !== declared) {
    throw new PayloadTooLargeError(`${what} arrived incomplete (${size} of ${declared} bytes): nothing was read`);
  }
  return Buffer.concat(chunks, size);
}

const FORM_TYPE = /^multipart\/form-data[ \t]*;/i;

/**
 * Reads a multipart/form-data body whole (at most `maxBytes`, else 413) and parses it. Another
 * type is a 415; a body that is not well-formed multipart is a 400.
 */
export async function readForm(request: Request, maxBytes: number, what = "a form body"): Promise<FormData> {
  const type = request.headers.get("content-type");
  if (!type || !FORM_TYPE.test(type.trim())) {
    throw new UnsupportedMediaTypeError(`the request body must be multipart/form-data (got ${type ? JSON.stringify(type) : "no Content-Type"})`);
  }
  const body = await readBody(request, maxBytes, what);
  try {
    return await new Response(new Uint8Array(body), { headers: { "content-type": type } }).formData();
  } catch {
    throw new ValidationError("the body is not well-formed multipart/form-data");
  }
}

/** application/json, or a JSON-based type (application/problem+json), with any parameters. */
const JSON_TYPE = /^application\/(?:[\w.-]+\+)?json[ \t]*(?:;|$)/i;

/**
 * Reads and validates a JSON request body (at most MAX_JSON_BYTES, else 413). The body must be declared JSON: a form or text body
 * is a 415 (a plain HTML form from another site cannot send one, and a client that forgot the
 * header hears why).
 */
export async function readJson<T>(request: Request, schema: z.ZodType<T>): Promise<T> {
  const type = request.headers.get("content-type");
  if (!type || !JSON_TYPE.test(type.trim())) {
    throw new UnsupportedMediaTypeError(`the request body must be JSON, sent with Content-Type: application/json (got ${type ? JSON.stringify(type) : "no Content-Type"})`);
  }
  const body = await readBody(request, MAX_JSON_BYTES, "a JSON body");
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder().decode(body));
  } catch {
    throw new ValidationError("request body must be valid JSON");
  }
  return schema.parse(raw);
}
