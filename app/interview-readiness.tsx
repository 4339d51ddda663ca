import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { getReadiness } from "@/server/use-cases/planning/get-readiness";
import { listInterviewDates } from "@/server/use-cases/planning/list-interview-dates";

/**
 * The home page's line for the next interview: days left, readiness (predicted recall at the
 * interview for its cards) and the target. Nothing when no interview is ahead.
 */
export async function InterviewReadiness({ now }: { now?: Date }) {
  const next = (await listInterviewDates({ now })).interviewDates.find((d) => !d.past);
  if (!next) return null;
  const [r, t, format] = await Promise.all([getReadiness({ id: next.id, now }), getTranslations("home"), getFormatter()]);
  // whole percents, as the target was set: 71.6% reads 72%
  const percent = (x: number) => format.number(Math.round(x * 100) / 100, { style: "percent" });
  return (
    <p className={r.onTarget ? "interview-readiness ok" : "interview-readiness"} data-testid="interview-readiness">
      <Link href="/settings#interview-dates-title">
        {t("interviewLine", { days: next.daysLeft, readiness: percent(r.recall), target: percent(next.targetRecall) })}
      </Link>
    </p>
  );
}
