"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import type { Settings } from "@/lib/api-schemas";
import { api, ApiError, useApiErrorMessage } from "@/app/components/api-client";
import { TimeZoneSelect, useBrowserZone } from "@/app/components/time-zone-select";

const HOURS = Array.from({ length: 24 }, (_, h) => h);

/**
 * When the study day starts, and in which time zone (by default the browser's; `browserZone` and
 * `zones` are the server's guess and list, see useBrowserZone).
 */
export function SettingsForm({ initial, browserZone: serverGuess, zones: serverZones }: { initial: Settings; browserZone: string; zones: readonly string[] }) {
  const t = useTranslations("settings");
  const errorMessage = useApiErrorMessage({ detail: false });
  const [hour, setHour] = useState(initial.rolloverHour);
  const [zone, setZone] = useState<string>(initial.timeZone ?? "");
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const { browserZone, zones } = useBrowserZone(serverGuess, serverZones);

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setStatus(null);
    try {
      await api("/api/v1/settings", { method: "PUT", body: JSON.stringify({ rolloverHour: hour, timeZone: zone === "" ? null : zone }) });
      setStatus({ ok: true, text: t("saved") });
    } catch (err) {
      // in the page's language, by the error's code: the server's English detail is not shown
      const invalid = err instanceof ApiError && "code" in err.problem && err.problem.code === "invalid_request";
      setStatus({ ok: false, text: invalid ? t("invalid") : `${t("error")} ${errorMessage(err)}` });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="options-form" onSubmit={save} data-testid="settings-form">
      <fieldset>
        <label>
          {t("rollover")}
          <select value={hour} onChange={(e) => setHour(Number(e.target.value))} data-testid="rollover-hour">
            {HOURS.map((h) => (
              <option key={h} value={h}>
                {t("hour", { hour: String(h).padStart(2, "0") })}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("timeZone")}
          <TimeZoneSelect value={zone} onChange={setZone} zones={zones} followLabel={t("followBrowser", { zone: browserZone })} testId="time-zone" />
        </label>
      </fieldset>
      <div className="row">
        <button type="submit" className="primary" disabled={saving} data-testid="save-settings">
          {saving ? t("saving") : t("save")}
        </button>
        {status ? (
          <p role={status.ok ? "status" : "alert"} className={status.ok ? "ok" : "alert"} data-testid="settings-status">
            {status.text}
          </p>
        ) : null}
      </div>
    </form>
  );
}
