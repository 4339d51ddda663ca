/** Labels and formats shared by the card browser's pages (server components). */
import type { StateName } from "@/lib/scheduling";

export const KIND_NAMES = {
  basic: "Basic 问答",
  cloze: "Cloze 填空",
  choice: "Choice 选择",
  ordering: "Ordering 排序",
  open: "Interview 面试题",
} as const;

export const STATE_LABELS: Record<StateName, string> = {
  new: "New 新卡",
  learning: "Learning 学习中",
  review: "Review 复习",
  relearning: "Relearning 重学",
};

/** Anki's flags: 0 none, then red, orange, green, blue. */
export const FLAG_NAMES = ["None 无", "Red 红", "Orange 橙", "Green 绿", "Blue 蓝"] as const;

export const RATING_LABELS: Record<number, string> = { 1: "Again 重来", 2: "Hard 困难", 3: "Good 良好", 4: "Easy 简单" };

const dateTime = new Intl.DateTimeFormat("zh-CN", { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
const number = new Intl.NumberFormat("en", { maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat("en", { style: "percent", maximumFractionDigits: 1 });
const seconds = new Intl.NumberFormat("en", { style: "unit", unit: "second", unitDisplay: "short", maximumFractionDigits: 1 });

export function formatDate(iso: string | null): string {
  return iso === null ? "—" : dateTime.format(new Date(iso));
}
export const formatNumber = (n: number) => number.format(n);
export const formatPercent = (n: number) => percent.format(n);
export const formatDuration = (ms: number | null) => (ms === null ? "—" : seconds.format(ms / 1000));
