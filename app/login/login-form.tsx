"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";

/** Sends the passphrase to POST /api/v1/session; the answer sets the session cookie. */
export function LoginForm({ next }: { next: string }) {
  const t = useTranslations("login");
  const [passphrase, setPassphrase] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await fetch("/api/v1/session", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ passphrase }) });
      if (res.ok) {
        // a full load: the pages behind the login are rendered with the new cookie
        window.location.assign(next);
        return;
      }
      if (res.status === 429) setError(t("tooMany", { seconds: Number(res.headers.get("retry-after") ?? 60) }));
      else if (res.status === 401) setError(t("wrong"));
      else setError(t("failed", { status: res.status }));
    } catch (err) {
      setError(t("failed", { status: String(err) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="options-form" onSubmit={submit} data-testid="login-form">
      <div className="field">
        <label htmlFor="passphrase">{t("passphrase")}</label>
        <input
          id="passphrase"
          type="password"
          autoComplete="current-password"
          required
          autoFocus
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
          data-testid="passphrase"
        />
      </div>
      <div className="row">
        <button type="submit" className="primary" disabled={busy} data-testid="login">
          {busy ? t("loggingIn") : t("logIn")}
        </button>
        {error ? (
          <p role="alert" className="alert" data-testid="login-error">
            {error}
          </p>
        ) : null}
      </div>
    </form>
  );
}
