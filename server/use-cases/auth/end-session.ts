/** Logging out: the session's row goes, and its cookie opens nothing any more. */
import { db as defaultDb, type Db } from "../../db";
import { deleteSession } from "../../store/sessions";

/** Ends the session of `secret`. Whether there was one. */
export function endSession(options: { db?: Db; secret: string }): boolean {
  return deleteSession((options.db ?? defaultDb()).sqlite, options.secret);
}
