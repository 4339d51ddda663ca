/**
 * Decoding rows whose columns hold JSON text: a zod schema per row, with `jsonColumn(schema)`
 * for each JSON column, so a row is read in one step into its domain type and a column that is
 * not JSON, or not of its shape, is named in the error instead of passing on as a wrong value.
 *
 * The error is a plain Error (a 500), never a ZodError: a ZodError is what a bad request
 * throws, and the route handlers answer it with a 400.
 */
import { z } from "zod";

/** A row the database holds that is not what its table's module wrote. */
export class StoredRowError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StoredRowError";
  }
}

/** A text column holding JSON of the given shape. */
export function jsonColumn<S extends z.ZodType>(schema: S) {
  return z.string().transform((text, ctx): z.output<S> => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      ctx.addIssue({ code: "custom", message: `not JSON (${e instanceof Error ? e.message : String(e)})` });
      return z.NEVER;
    }
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, code: "custom", message: issue.message, path: issue.path });
    return z.NEVER;
  });
}

/**
 * Decodes one row with its schema, or throws a StoredRowError naming the table, the row and
 * each column that is wrong.
 */
export function decodeRow<S extends z.ZodType>(schema: S, raw: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new StoredRowError(`${what} cannot be read: ${z.prettifyError(parsed.error)}`);
}
