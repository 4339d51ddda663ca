import { useFormatter, useTranslations } from "next-intl";
import type { TopicScore } from "@/lib/quiz/report";

/** Scores by deck and topic, as a table (with a meter per row); weak rows (below 60%) stand out. */
export function TopicTable({ rows }: { rows: TopicScore[] }) {
  const t = useTranslations("quiz");
  const format = useFormatter();
  return (
        <div className="table-scroll">
        <table className="data-table topic-table" data-testid="topic-breakdown">
          <thead>
            <tr>
              <th scope="col">{t("topic")}</th>
              <th scope="col">{t("questions")}</th>
              <th scope="col">{t("score")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={JSON.stringify([row.deckId, ...row.path])} data-testid="topic-row" data-topic={row.path.join(" › ")} className={row.share < 0.6 ? "weak" : undefined}>
                <th scope="row" style={{ paddingInlineStart: `${0.5 + (row.path.length - 1) * 1.25}rem` }}>
                  {row.path.at(-1)}
                </th>
                <td>{row.questions}</td>
                <td>
                  <meter min={0} max={1} low={0.6} high={0.85} optimum={1} value={row.share} aria-hidden="true" />{" "}
                  <span data-testid="topic-score">
                    {t("pointsOf", { points: format.number(row.points, { maximumFractionDigits: 2 }), total: row.questions, percent: Math.round(row.share * 100) })}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
</div>
  );
}
