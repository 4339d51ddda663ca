"use client";

import { useEffect, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import type { DeckOptions } from "@/lib/deck-options";
import { HelpMeDecide } from "./help-me-decide";

interface View {
  deckId: string;
  presetId: number;
  presetName: string;
  options: DeckOptions;
  presets: Array<{ id: number; name: string; deckCount: number }>;
  workload: { reviewsPerDay: number; newPerDay: number };
}

const NEW_PRESET = "new";
const EASY_DAY_SETTINGS = ["normal", "reduced", "minimum"] as const;

export function OptionsForm({ initial }: { initial: View }) {
  const t = useTranslations("options");
  const common = useTranslations("common");
  const format = useFormatter();
  const [view, setView] = useState(initial);
  const [opts, setOpts] = useState<DeckOptions>(initial.options);
  const [preset, setPreset] = useState<string>(String(initial.presetId));
  const [presetName, setPresetName] = useState("");
  const [learning, setLearning] = useState(initial.options.learningSteps.join(" "));
  const [relearning, setRelearning] = useState(initial.options.relearningSteps.join(" "));
  const [workload, setWorkload] = useState(initial.workload);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const url = `/api/v1/decks/${encodeURIComponent(view.deckId)}/options`;

  // the workload estimate follows the retention slider
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(`${url}?retention=${opts.desiredRetention}`, { signal: controller.signal, cache: "no-store" })
        .then((r) => (r.ok ? r.json() : null))
        .then((v: View | null) => v && setWorkload({ ...v.workload, newPerDay: opts.newPerDay }))
        .catch(() => undefined);
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [url, opts.desiredRetention, opts.newPerDay]);

  // 1 January 2024 was a Monday: weekday i (0 Monday) is 2024-01-0(i+1)
  const weekdayName = (i: number) => format.dateTime(new Date(Date.UTC(2024, 0, i + 1, 12)), { weekday: "long", timeZone: "UTC" });
  const set = <K extends keyof DeckOptions>(key: K, value: DeckOptions[K]) => setOpts((o) => ({ ...o, [key]: value }));
  const steps = (text: string) => text.split(/[\s,，]+/).filter((s) => s !== "");

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setStatus(null);
    const body = {
      options: { ...opts, learningSteps: steps(learning), relearningSteps: steps(relearning) },
      ...(preset === NEW_PRESET ? { newPresetName: presetName } : { presetId: Number(preset) }),
    };
    try {
      const res = await fetch(url, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      const json = (await res.json()) as View & { error?: { message: string } };
      if (!res.ok) {
        setStatus({ ok: false, text: json.error?.message ?? common("httpError", { status: res.status }) });
        return;
      }
      setView(json);
      setPreset(String(json.presetId));
      setPresetName("");
      setWorkload(json.workload);
      setStatus({ ok: true, text: t("saved", { name: json.presetName }) });
    } catch {
      setStatus({ ok: false, text: common("networkError") });
    } finally {
      setSaving(false);
    }
  };

  const shared = view.presets.find((p) => String(p.id) === preset);
  return (
    <form className="options-form" onSubmit={save} data-testid="options-form">
      <fieldset>
        <legend>{t("presetLegend")}</legend>
        <label>
          {t("preset")}
          <select value={preset} onChange={(e) => setPreset(e.target.value)} data-testid="preset">
            {view.presets.map((p) => (
              <option key={p.id} value={p.id}>
                {t("presetOption", { name: p.name, count: p.deckCount })}
              </option>
            ))}
            <option value={NEW_PRESET}>{t("newPreset")}</option>
          </select>
        </label>
        {preset === NEW_PRESET ? (
          <label>
            {t("newPresetName")}
            <input value={presetName} onChange={(e) => setPresetName(e.target.value)} required maxLength={80} data-testid="preset-name" />
          </label>
        ) : shared && shared.deckCount > 1 ? (
          <p className="hint">{t("shared", { count: shared.deckCount })}</p>
        ) : null}
      </fieldset>

      <fieldset>
        <legend>{t("limits")}</legend>
        <label>
          {t("newPerDay")}
          <input type="number" min={0} max={9999} value={opts.newPerDay} onChange={(e) => set("newPerDay", Number(e.target.value))} data-testid="new-per-day" />
        </label>
        <label>
          {t("reviewsPerDay")}
          <input type="number" min={0} max={99999} value={opts.reviewsPerDay} onChange={(e) => set("reviewsPerDay", Number(e.target.value))} data-testid="reviews-per-day" />
        </label>
        <label>
          {t("newOrder")}
          <select value={opts.newOrder} onChange={(e) => set("newOrder", e.target.value as DeckOptions["newOrder"])}>
            <option value="content">{t("orderContent")}</option>
            <option value="random">{t("orderRandom")}</option>
          </select>
        </label>
      </fieldset>

      <fieldset>
        <legend>{t("steps")}</legend>
        <label>
          <span>
            {t("learningSteps")} <span className="hint">(1m 10m 1h 1d)</span>
          </span>
          <input value={learning} onChange={(e) => setLearning(e.target.value)} data-testid="learning-steps" />
        </label>
        <label>
          {t("relearningSteps")}
          <input value={relearning} onChange={(e) => setRelearning(e.target.value)} />
        </label>
      </fieldset>

      <fieldset>
        <legend>{t("fsrs")}</legend>
        <label>
          <span>
            {t("retention")} <output data-testid="retention-value">{format.number(opts.desiredRetention, "retention")}</output>
          </span>
          <input
            type="range"
            min={0.7}
            max={0.99}
            step={0.01}
            value={opts.desiredRetention}
            onChange={(e) => set("desiredRetention", Number(e.target.value))}
            data-testid="retention"
          />
        </label>
        <p className="hint" aria-live="polite" data-testid="workload">
          {t("workload", { reviews: workload.reviewsPerDay, newCards: workload.newPerDay })}
        </p>
        <label>
          {t("maximumInterval")}
          <input type="number" min={1} max={36500} value={opts.maximumInterval} onChange={(e) => set("maximumInterval", Number(e.target.value))} />
        </label>
        <label className="check">
          <input type="checkbox" checked={opts.typedAnswers} onChange={(e) => set("typedAnswers", e.target.checked)} /> {t("typedAnswers")}
        </label>
      </fieldset>

      <fieldset>
        <legend>{t("workloadLegend")}</legend>
        <label className="check">
          <input type="checkbox" checked={opts.loadBalancer} onChange={(e) => set("loadBalancer", e.target.checked)} data-testid="load-balancer" /> {t("loadBalancer")}
        </label>
        <p className="hint">{t("loadBalancerHint")}</p>
        <fieldset className="easy-days" disabled={!opts.loadBalancer}>
          <legend>{t("easyDays")}</legend>
          {opts.easyDays.map((setting, i) => (
            <label key={i}>
              {weekdayName(i)}
              <select
                value={setting}
                onChange={(e) => set("easyDays", opts.easyDays.map((d, j) => (j === i ? (e.target.value as (typeof EASY_DAY_SETTINGS)[number]) : d)) as DeckOptions["easyDays"])}
                data-testid={`easy-day-${i}`}
              >
                {EASY_DAY_SETTINGS.map((k) => (
                  <option key={k} value={k}>
                    {t(`easyDay.${k}`)}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </fieldset>
      </fieldset>

      <HelpMeDecide deckId={view.deckId} retention={opts.desiredRetention} newPerDay={opts.newPerDay} />

      <div className="row">
        <button type="submit" className="primary" disabled={saving} data-testid="save-options">
          {saving ? common("saving") : t("save")}
        </button>
        {status ? (
          <p role={status.ok ? "status" : "alert"} className={status.ok ? "ok" : "alert"} data-testid="options-status">
            {status.text}
          </p>
        ) : null}
      </div>
    </form>
  );
}
