"use client";
/** The browser's JSON API client: one place for the request headers and the error shape. */
import { useTranslations } from "next-intl";

/**
 * A failed request: the server's own message when it sent one (validation messages are
 * English, like the API), otherwise what went wrong for the UI to say in its language.
 */
export class ApiError extends Error {
  constructor(
    readonly problem: { serverMessage: string; code?: string } | { network: true } | { status: number },
  ) {
    super("serverMessage" in problem ? problem.serverMessage : "network" in problem ? "network error" : `HTTP ${problem.status}`);
  }
}

export async function api<T>(url: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    // a FormData body goes as multipart, with the boundary the browser sets; the browser's time goes along; the server only trusts it in browser tests (MIANSHI_TRUST_CLIENT_CLOCK)
    const headers = { accept: "application/json", "x-mianshi-now": String(Date.now()), ...(init?.body && !(init.body instanceof FormData) ? { "content-type": "application/json" } : {}) };
    res = await fetch(url, { cache: "no-store", ...init, headers });
  } catch {
    throw new ApiError({ network: true });
  }
  const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  if (!res.ok) {
    const message = body?.error?.message;
    if (message === undefined) throw new ApiError({ status: res.status });
    throw new ApiError({ serverMessage: message, ...(body?.error?.code ? { code: body.error.code } : {}) });
  }
  return body as T;
}

/** The error codes of server/errors.ts (and http.ts's "internal"; "no_questions" from a quiz set-up, "no_open_questions" from an interview's), each with a message in both languages. */
const API_ERROR_CODES = ["invalid_request", "no_questions", "no_open_questions", "not_found", "conflict", "payload_too_large", "unsupported_media_type", "unauthorized", "forbidden", "too_many_requests", "internal"] as const;
const isApiErrorCode = (code: string): code is (typeof API_ERROR_CODES)[number] => (API_ERROR_CODES as readonly string[]).includes(code);

/**
 * Turns a failed request into a message in the UI's language (server messages stay English, like
 * the API). With `detail: false` the server's English detail is left out (`common.apiErrorPlain`):
 * for forms whose own fields say what was wrong.
 */
export function useApiErrorMessage(options: { detail?: boolean } = {}): (e: unknown) => string {
  const common = useTranslations("common");
  const detail = options.detail ?? true;
  return (e: unknown): string => {
    if (!(e instanceof ApiError)) return detail ? (e instanceof Error ? e.message : String(e)) : common("networkError");
    const p = e.problem;
    if ("serverMessage" in p) {
      const code = p.code && isApiErrorCode(p.code) ? p.code : null;
      if (!detail) return common(`apiErrorPlain.${code ?? "internal"}`);
      // what kind of failure, in the UI's language; the server's detail (English, like the API) after it
      return code ? common(`apiError.${code}`, { detail: p.serverMessage }) : p.serverMessage;
    }
    return "network" in p ? common("networkError") : common("httpError", { status: p.status });
  };
}
