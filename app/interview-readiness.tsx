import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { getNewCardPace } from "@/server/use-cases/planning/get-interview-plan";
import { getReadiness } from "@/server/use-cases/planning/get-readiness";
import { listInterviewDates } from "@/server/use-cases/planning/list-interview-dates";

/**
 * The home page's line for the next interview: days left, readiness (predicted recall at the
 * interview for its cards) and the target, and a warning when its new cards cannot all be
 * learnt in time at the decks' limits. Nothing when no interview is ahead.
 */
export async function InterviewReadiness({ now }: { now?: Date }) {
  const next = (await listInterviewDates({ now })).interviewDates.find((d) => !d.past);
  if (!next) return null;
  const [r, pace, t, format] = await Promise.all([getReadiness({ id: next.id, now }), getNewCardPace({ id: next.id, now }), getTranslations("home"), getFormatter()]);
  // whole percents, as the target was set: 71.6% reads 72%
  const percent = (x: number) => format.number(Math.round(x * 100) / 100, { style: "percent" });
  return (
    <>
      <p className={r.onTarget ? "interview-readiness ok" : "interview-readiness"} data-testid="interview-readiness">
        <Link href="/settings#interview-dates-title">
          {t("interviewLine", { days: next.daysLeft, readiness: percent(r.recall), target: percent(next.targetRecall) })}
        </Link>
      </p>
      {pace.fits ? null : (
        <p className="hint interview-new-warning" data-testid="interview-new-warning">
          <Link href="/stats#interview-plan">{t("newNoFit", { left: pace.newLeft, limit: pace.limit })}</Link>
        </p>
      )}
    </>
  );
}
