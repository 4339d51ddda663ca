import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { getInterviewPlan } from "@/server/use-cases/planning/get-interview-plan";
import { getReadiness } from "@/server/use-cases/planning/get-readiness";
import { listInterviewDates } from "@/server/use-cases/planning/list-interview-dates";
import { ProjectionChart } from "./projection-chart";
import { WorkloadChart } from "./workload-chart";
import { ChartTable } from "@/app/components/chart-table";

/**
 * /stats for the next interview (issue 16): readiness by topic (predicted recall at the
 * interview from what is known now, against the target) and the projection to the day, with
 * the plan and without more study. The chart is drawn for the eye; its caption and its table
 * say the same to a screen reader. Then the new cards' pace (and a warning when they cannot all
 * fit), the daily workload forecast against the budget, and, when it runs over the budget, the
 * cards it leaves below target; the days to rehearse in a mock interview (weakest topics first
 * in its set-up). Nothing when no interview is ahead.
 */
export async function InterviewPlanSection({ now }: { now?: Date }) {
  const next = (await listInterviewDates({ now })).interviewDates.find((d) => !d.past);
  if (!next) return null;
  const [readiness, plan, t, format] = await Promise.all([getReadiness({ id: next.id, now }), getInterviewPlan({ id: next.id, now }), getTranslations("interviewPlan"), getFormatter()]);
  const percent = (x: number) => format.number(Math.round(x * 100) / 100, { style: "percent" });
  const timeZone = next.timeZone;
  const when = format.dateTime(new Date(next.at), { dateStyle: "medium", timeStyle: "short", timeZone });
  const label = next.label || t("untitled");
  const titles = new Map(readiness.byDeck.map((d) => [d.deckId, d.title]));
  const last = plan.projection.length - 1;
  const rows = plan.projection.map((p, i) => ({
    label: i === 0 ? t("now") : i === last ? t("interviewPoint") : format.dateTime(new Date(p.at), { month: "short", day: "numeric", timeZone }),
    withPlan: Math.round(p.withPlan * 100),
    ifStopped: Math.round(p.ifStopped * 100),
  }));
  const day = (iso: string) => format.dateTime(new Date(iso), { month: "short", day: "numeric", weekday: "short", timeZone });
  const workload = plan.forecast.map((f) => ({ label: day(f.start), reviews: f.reviews }));
  // in reviews a day: a budget in minutes at the learner's pace (the forecast counts reviews)
  const budget = next.budgetReviews;
  const totalReviews = plan.forecast.reduce((sum, f) => sum + f.reviews, 0);
  const maxReviews = plan.forecast.reduce((m, f) => Math.max(m, f.reviews), 0);
  const summary = t("projectionSummary", { withPlan: percent(plan.readinessWithPlan), ifStopped: percent(plan.readinessIfStopped), target: percent(next.targetRecall), date: when });

  return (
    <section aria-labelledby="interview-plan" className="interview-plan" data-testid="interview-plan">
      <h2 id="interview-plan">{t("title", { label, date: when })}</h2>
      <p>{t("overall", { days: next.daysLeft, cards: readiness.cards, readiness: percent(readiness.recall), target: percent(next.targetRecall) })}</p>

      <div className="table-scroll">
        <table className="data-table" data-testid="readiness-table">
          <caption>{t("topicCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("topic")}</th>
              <th scope="col">{t("cards")}</th>
              <th scope="col">{t("readinessNow")}</th>
              <th scope="col">{t("target")}</th>
            </tr>
          </thead>
          <tbody>
            {readiness.byTopic.map((g) => {
              const name = [titles.get(g.deckId) ?? g.deckId, ...g.topic].join(" › ");
              const met = g.recall >= next.targetRecall;
              return (
                <tr key={JSON.stringify([g.deckId, ...g.topic])} data-testid="readiness-row" data-topic={name}>
                  <th scope="row">{name}</th>
                  <td>{g.cards}</td>
                  <td>
                    <meter min={0} max={1} low={next.targetRecall - 0.15} high={next.targetRecall} optimum={1} value={g.recall} aria-hidden="true" /> {percent(g.recall)}
                    {met ? "" : <span className="visually-hidden">{t("belowTargetMark")}</span>}
                  </td>
                  <td>{percent(next.targetRecall)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      {plan.mode === "plan" ? (
        <>
          <h3 id="projection-title">{t("projectionTitle")}</h3>
          <figure className="projection">
            <figcaption data-testid="projection-summary">{summary}</figcaption>
            <ProjectionChart rows={rows} target={Math.round(next.targetRecall * 100)} names={{ withPlan: t("withPlan"), ifStopped: t("ifStopped"), target: t("target") }} />
            <ChartTable
              summary={t("asTable")}
              testId="projection-table"
              caption={summary}
              columns={[t("when"), t("withPlan"), t("ifStopped")]}
              rowTestId="projection-row"
              rows={rows.map((r, i) => ({ key: i, cells: [r.label, `${r.withPlan}%`, `${r.ifStopped}%`] }))}
            />
          </figure>
        </>
      ) : (
        <p data-testid="projection-summary">{t("noTime")}</p>
      )}

      {plan.mode === "plan" && plan.newLeft > 0 ? (
        plan.newFits ? (
          <p data-testid="new-pace">{t("newPace", { perDay: plan.newPerDay, left: plan.newLeft })}</p>
        ) : (
          <p className="alert" role="status" data-testid="new-pace">
            {t("newNoFit", { left: plan.newLeft, limit: plan.newPerDayLimit })}
          </p>
        )
      ) : null}

      {plan.mode === "plan" ? (
        <>
          <h3 id="workload-title">{t("workloadTitle")}</h3>
          <figure className="workload">
            <figcaption data-testid="workload-summary">
              {budget === null
                ? t("workloadSummary", { reviews: totalReviews, days: plan.forecast.length, max: maxReviews })
                : next.budgetUnit === "minutes"
                  ? t("workloadSummaryBudgetMinutes", { reviews: totalReviews, days: plan.forecast.length, max: maxReviews, budget, minutes: next.dailyBudget ?? 0 })
                  : t("workloadSummaryBudget", { reviews: totalReviews, days: plan.forecast.length, max: maxReviews, budget })}
            </figcaption>
            <WorkloadChart rows={workload} budget={budget} names={{ reviews: t("reviews"), budget: t("budget") }} />
            <ChartTable
              summary={t("asTable")}
              testId="workload-table"
              columns={[t("day"), t("reviews"), t("newCards"), t("heldBack")]}
              rowTestId="workload-row"
              rows={plan.forecast.map((f, i) => ({ key: f.day, cells: [workload[i]?.label, f.reviews, f.newCards, f.heldBack], data: { "data-over-budget": f.overBudget ? "1" : "0" } }))}
            />
          </figure>
        </>
      ) : null}

      {plan.mockInterviews.length > 0 ? (
        <>
          <h3 id="mock-interviews-title">{t("mockTitle")}</h3>
          <p data-testid="mock-interviews-summary">{t("mockSummary", { count: plan.mockInterviews.length })}</p>
          <ol className="mock-interviews" aria-labelledby="mock-interviews-title" data-testid="mock-interviews">
            {plan.mockInterviews.map((m) => (
              <li key={m.day} data-testid="mock-interview-day" data-day={m.day}>
                {m.day === 0 ? (
                  <>
                    <strong>{t("mockToday")}</strong> <Link href="/interview">{t("mockStart")}</Link>
                  </>
                ) : (
                  day(m.start)
                )}
              </li>
            ))}
          </ol>
        </>
      ) : null}

      {plan.mode === "plan" && plan.overBudget && budget !== null ? (
        <>
          <h3 id="below-target-title">{t("belowTargetTitle")}</h3>
          <p data-testid="over-budget">{t("overBudget", { budget, count: plan.belowTarget.length })}</p>
          {plan.belowTarget.length > 0 ? (
            <div className="table-scroll">
              <table className="data-table" data-testid="below-target-table" aria-labelledby="below-target-title">
                <thead>
                  <tr>
                    <th scope="col">{t("card")}</th>
                    <th scope="col">{t("topic")}</th>
                    <th scope="col">{t("recallOnDay")}</th>
                  </tr>
                </thead>
                <tbody>
                  {plan.belowTarget.map((b) => (
                    <tr key={b.cardId} data-testid="below-target-row">
                      <th scope="row">{b.prompt}</th>
                      <td>{[titles.get(b.deckId) ?? b.deckId, ...b.topic].join(" › ")}</td>
                      <td>{percent(b.recall)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
