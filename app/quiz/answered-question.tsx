import Link from "next/link";
import { useTranslations } from "next-intl";
import { SanitizedHtml } from "@/app/components/html";
import { AnswerComparison } from "@/app/components/diff-text";
import { closestAnswer } from "@/lib/answer/diff";
import type { AnswerScore } from "@/lib/quiz/score";
import type { QuestionSource, QuizAnswer, QuizQuestion } from "@/lib/quiz/types";

/**
 * Where a question came from: its deck and topic (to browse) and its card (with the source line).
 * Before the question is answered only the deck shows, without links: the card's page and its
 * topic would show the answer (regression: "第 114 行" opened the card and its answer mid-quiz).
 */
export function QuestionSourceLinks({ source, answered = true }: { source: QuestionSource; answered?: boolean }) {
  const t = useTranslations("quiz");
  if (!answered) {
    return (
      <p className="question-source" data-testid="question-source">
        {source.deckTitle}
      </p>
    );
  }
  const topic = source.topic.join(" › ");
  const browse = `/browse?${new URLSearchParams({ deck: source.deckId, ...(topic ? { topic } : {}) }).toString()}`;
  return (
    <p className="question-source" data-testid="question-source">
      <Link href={browse}>{[source.deckTitle, ...source.topic].join(" › ")}</Link>
      {" · "}
      <Link href={`/cards/${encodeURIComponent(source.cardId)}`}>{t("sourceLine", { line: source.sourceLine })}</Link>
    </p>
  );
}

/** The verdict of a score: right, partly right (with the share) or wrong. */
export function Verdict({ score, answered = true }: { score: number; answered?: boolean }) {
  const t = useTranslations("quiz");
  if (!answered) return <p className="verdict bad" data-testid="verdict">{t("unanswered")}</p>;
  const right = score >= 1 - 1e-9;
  const label = right ? t("right") : score > 0 ? t("partly", { percent: Math.round(score * 100) }) : t("wrong");
  return (
    <p className={`verdict ${right ? "ok" : "bad"}`} data-testid="verdict">
      {label}
    </p>
  );
}

const selectedOf = (a: QuizAnswer | null) => new Set(a && "selected" in a ? a.selected : []);

/**
 * A question with the user's answer next to the right one, how it was scored in plain words
 * and the explanation. Used right after answering and in the result's review.
 */
export function AnsweredQuestion({ question: q, answer, result, score, answered = true }: { question: QuizQuestion; answer: QuizAnswer | null; result: AnswerScore | null; score: number; answered?: boolean }) {
  const t = useTranslations("quiz");
  const study = useTranslations("study");
  const ticked = selectedOf(answer);
  return (
    <div className="answered" data-testid="answered-question">
      <Verdict score={score} answered={answered} />
      {q.kind === "choice" || q.kind === "generated" ? (
        <ul className="options review-options" aria-label={t("optionsLabel")}>
          {(q.kind === "choice" ? q.optionsHtml : q.options).map((option, i) => {
            const right = q.kind === "choice" ? q.correct[i] === true : q.correctIndex === i;
            const mine = ticked.has(i);
            return (
              <li key={i} className={`option ${right ? "correct" : mine ? "wrong" : ""}`} data-testid="review-option" data-right={right} data-ticked={mine}>
                <span className="mark">{right ? (mine ? t("markRightTicked") : t("markRightMissed")) : mine ? t("markWrongTicked") : ""}</span>
                {q.kind === "choice" ? <SanitizedHtml as="span" className="inline-html" html={option} /> : <span className="inline-html">{option}</span>}
              </li>
            );
          })}
        </ul>
      ) : null}
      {q.kind === "choice" && q.multiple && result && "rightTicks" in result ? (
        <p className="hint" data-testid="score-explained">
          {t("choiceExplained", { right: result.rightTicks, wrong: result.wrongTicks, missed: result.missed })}
        </p>
      ) : null}
      {result?.kind === "typed" && result.overridden ? (
        <p className="hint" data-testid="overridden">
          {t("overridden", { percent: Math.round(result.overridden.score * 100) })}
        </p>
      ) : null}
      {q.kind === "typed" ? (
        <div className="typed-review">
          <p>
            {t("yourAnswer")} <span data-testid="your-answer">{answer && "text" in answer && answer.text !== "" ? answer.text : t("nothingTyped")}</span>
          </p>
          {result?.kind === "typed" && result.score < 1 && answer && "text" in answer && answer.text !== "" ? (
            <>
              {result.nearMiss ? <p className="hint">{t("nearMiss")}</p> : null}
              <AnswerComparison
                typed={answer.text}
                expected={closestAnswer(answer.text, [q.expected, ...q.aliases])}
                marked
                labels={{ yours: study("diffYours"), expected: study("diffExpected"), wrong: study("diffWrongMark"), missing: study("diffMissingMark"), nothing: study("nothingTyped") }}
                testId="typed-diff"
              />
            </>
          ) : null}
          <p>
            {t("rightAnswer")} <strong data-testid="right-answer">{q.expected}</strong>
            {q.aliases.length > 0 ? <span className="hint"> {t("alsoAccepted", { aliases: q.aliases.join(" / ") })}</span> : null}
          </p>
        </div>
      ) : null}
      {q.kind === "ordering" ? (
        <div className="ordering-review">
          {answer && "order" in answer ? (
            <>
              <h4>{t("yourOrder")}</h4>
              <ol className="steps" data-testid="your-order">
                {answer.order.map((shown, i) => {
                  const place = (q.ranks[shown] ?? 0) + 1;
                  return (
                    <li key={i} className={place === i + 1 ? "in-place" : "out-of-place"}>
                      <span className="badge" title={t("rightPlace", { place })}>
                        {place}
                      </span>
                      <SanitizedHtml as="span" className="inline-html" html={q.stepsHtml[shown] ?? ""} />
                    </li>
                  );
                })}
              </ol>
            </>
          ) : null}
          {result?.kind === "ordering" ? (
            <p className="hint" data-testid="score-explained">
              {t("orderingExplained", { inOrder: result.inOrder, steps: result.steps, moves: result.moves })}
            </p>
          ) : null}
          <h4>{t("rightOrder")}</h4>
          <ol className="steps correct-order" data-testid="right-order">
            {q.rightOrderHtml.map((html, i) => (
              <li key={i}>
                <span className="badge">{i + 1}</span>
                <SanitizedHtml as="span" className="inline-html" html={html} />
              </li>
            ))}
          </ol>
        </div>
      ) : null}
      {q.explanationHtml ? (
        <div className="explanation">
          <h4>{t("explanation")}</h4>
          <SanitizedHtml className="html" html={q.explanationHtml} testId="explanation" />
        </div>
      ) : null}
    </div>
  );
}
