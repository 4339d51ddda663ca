"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTranslations } from "next-intl";

/** Suspend or unsuspend, unbury, reset to new, and flag: the card actions the study screen has no room for. */
export function CardActions({ cardId, suspended, buried, flag }: { cardId: string; suspended: boolean; buried: boolean; flag: number }) {
  const t = useTranslations("cardActions");
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);

  const run = async (body: Record<string, unknown>, done: string) => {
    setBusy(true);
    setStatus(null);
    try {
      const res = await fetch(`/api/v1/cards/${encodeURIComponent(cardId)}/actions`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      const json = (await res.json()) as { error?: { message: string } };
      if (!res.ok) throw new Error(json.error?.message ?? `HTTP ${res.status}`);
      setStatus({ ok: true, text: done });
      router.refresh();
    } catch (e) {
      setStatus({ ok: false, text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="detail-section card-actions" aria-labelledby="card-actions-title" data-testid="card-actions">
      <h2 id="card-actions-title" className="results-heading">
        {t("title")}
      </h2>
      <div className="row">
        {suspended ? (
          <button type="button" disabled={busy} onClick={() => void run({ action: "unsuspend" }, t("unsuspended"))} data-testid="unsuspend">
            {t("unsuspend")}
          </button>
        ) : (
          <button type="button" disabled={busy} onClick={() => void run({ action: "suspend" }, t("suspendedDone"))} data-testid="suspend-card">
            {t("suspend")}
          </button>
        )}
        {buried ? (
          <button type="button" disabled={busy} onClick={() => void run({ action: "unbury" }, t("unburied"))} data-testid="unbury">
            {t("unbury")}
          </button>
        ) : null}
        <button
          type="button"
          disabled={busy}
          onClick={() => {
            if (window.confirm(t("resetConfirm"))) void run({ action: "reset" }, t("resetDone"));
          }}
          data-testid="reset"
        >
          {t("reset")}
        </button>
        <label>
          {t("flag")}{" "}
          <select value={flag} disabled={busy} onChange={(e) => void run({ action: "flag", flag: Number(e.target.value) }, t("flagged"))} data-testid="flag">
            {[0, 1, 2, 3, 4].map((f) => (
              <option key={f} value={f}>
                {t(`flags.${f as 0 | 1 | 2 | 3 | 4}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {status ? (
        <p role={status.ok ? "status" : "alert"} className={status.ok ? "ok" : "alert"} data-testid="card-actions-status">
          {status.text}
        </p>
      ) : null}
    </section>
  );
}
