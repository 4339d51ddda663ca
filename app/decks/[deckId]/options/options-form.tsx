"use client";

import { useEffect, useState } from "react";
import type { DeckOptions } from "@/lib/deck-options";

interface View {
  deckId: string;
  presetId: number;
  presetName: string;
  options: DeckOptions;
  presets: Array<{ id: number; name: string; deckCount: number }>;
  workload: { reviewsPerDay: number; newPerDay: number };
}

const NEW_PRESET = "new";

export function OptionsForm({ initial }: { initial: View }) {
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
        setStatus({ ok: false, text: json.error?.message ?? `HTTP ${res.status}` });
        return;
      }
      setView(json);
      setPreset(String(json.presetId));
      setPresetName("");
      setWorkload(json.workload);
      setStatus({ ok: true, text: `Saved to preset “${json.presetName}”. 已保存。` });
    } catch {
      setStatus({ ok: false, text: "Could not reach the server. 无法连接服务器。" });
    } finally {
      setSaving(false);
    }
  };

  const shared = view.presets.find((p) => String(p.id) === preset);
  return (
    <form className="options-form" onSubmit={save} data-testid="options-form">
      <fieldset>
        <legend>Preset 预设</legend>
        <label>
          Options preset 选项预设
          <select value={preset} onChange={(e) => setPreset(e.target.value)} data-testid="preset">
            {view.presets.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.deckCount} deck{p.deckCount === 1 ? "" : "s"})
              </option>
            ))}
            <option value={NEW_PRESET}>New preset… 新建预设…</option>
          </select>
        </label>
        {preset === NEW_PRESET ? (
          <label>
            New preset name 新预设名称
            <input value={presetName} onChange={(e) => setPresetName(e.target.value)} required maxLength={80} data-testid="preset-name" />
          </label>
        ) : shared && shared.deckCount > 1 ? (
          <p className="hint">Shared by {shared.deckCount} decks: saving changes all of them. 多个卡组共用此预设。</p>
        ) : null}
      </fieldset>

      <fieldset>
        <legend>Daily limits 每日上限</legend>
        <label>
          New cards per day 每日新卡
          <input type="number" min={0} max={9999} value={opts.newPerDay} onChange={(e) => set("newPerDay", Number(e.target.value))} data-testid="new-per-day" />
        </label>
        <label>
          Reviews per day 每日复习上限
          <input type="number" min={0} max={99999} value={opts.reviewsPerDay} onChange={(e) => set("reviewsPerDay", Number(e.target.value))} data-testid="reviews-per-day" />
        </label>
        <label>
          New card order 新卡顺序
          <select value={opts.newOrder} onChange={(e) => set("newOrder", e.target.value as DeckOptions["newOrder"])}>
            <option value="content">In content order 按内容顺序</option>
            <option value="random">Random 随机</option>
          </select>
        </label>
      </fieldset>

      <fieldset>
        <legend>Steps 学习步骤</legend>
        <label>
          Learning steps 学习步骤 <span className="hint">(1m 10m 1h 1d)</span>
          <input value={learning} onChange={(e) => setLearning(e.target.value)} data-testid="learning-steps" />
        </label>
        <label>
          Relearning steps 重学步骤
          <input value={relearning} onChange={(e) => setRelearning(e.target.value)} />
        </label>
      </fieldset>

      <fieldset>
        <legend>FSRS</legend>
        <label>
          Desired retention 目标记忆保持率: <output data-testid="retention-value">{opts.desiredRetention.toFixed(2)}</output>
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
          About {workload.reviewsPerDay} reviews a day for the cards already in review, plus {workload.newPerDay} new cards a day.
          预计每天约 {workload.reviewsPerDay} 次复习，另加 {workload.newPerDay} 张新卡。
        </p>
        <label>
          Maximum interval (days) 最大间隔（天）
          <input type="number" min={1} max={36500} value={opts.maximumInterval} onChange={(e) => set("maximumInterval", Number(e.target.value))} />
        </label>
        <label className="check">
          <input type="checkbox" checked={opts.typedAnswers} onChange={(e) => set("typedAnswers", e.target.checked)} /> Type answers for cloze and basic cards
          输入答案
        </label>
      </fieldset>

      <div className="row">
        <button type="submit" className="primary" disabled={saving} data-testid="save-options">
          {saving ? "Saving… 保存中…" : "Save 保存"}
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
