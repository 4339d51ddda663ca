"use client";

import { useState, useSyncExternalStore } from "react";
import { useTranslations } from "next-intl";
import type { Settings } from "@/lib/api-schemas";

/** The browser's zone does not change while the page is open (a reload picks up a new one). */
const noSubscription = () => () => {};

const HOURS = Array.from({ length: 24 }, (_, h) => h);

/**
 * When the study day starts, and in which time zone (by default the browser's). The page is
 * rendered on the server first, which knows the browser's zone only from the `tz` cookie and has
 * its own list of zones: both come from the server (`browserZone`, `zones`) so the first render in
 * the browser matches it (no hydration error), and the browser's own zone replaces it once mounted.
 */
export function SettingsForm({ initial, browserZone: serverGuess, zones: serverZones }: { initial: Settings; browserZone: string; zones: readonly string[] }) {
  const t = useTranslations("settings");
  const [hour, setHour] = useState(initial.rolloverHour);
  const [zone, setZone] = useState<string>(initial.timeZone ?? "");
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const browserZone = useSyncExternalStore(
    noSubscription,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    () => serverGuess,
  );
  const zones = serverZones.includes(browserZone) ? serverZones : [...serverZones, browserZone].sort();

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setStatus(null);
    try {
      const res = await fetch("/api/v1/settings", {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ rolloverHour: hour, timeZone: zone === "" ? null : zone }),
      });
      const body = (await res.json()) as { error?: { message: string } };
      setStatus(res.ok ? { ok: true, text: t("saved") } : { ok: false, text: `${t("error")} ${body.error?.message ?? res.status}` });
    } catch (err) {
      setStatus({ ok: false, text: `${t("error")} ${String(err)}` });
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
          <select value={zone} onChange={(e) => setZone(e.target.value)} data-testid="time-zone">
            <option value="">{t("followBrowser", { zone: browserZone })}</option>
            {zones.map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </select>
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
