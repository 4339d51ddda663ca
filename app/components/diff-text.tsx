import { twoLineDiff, type DiffSegment } from "@/lib/answer/diff";

export interface ComparisonLabels {
  /** "Your answer" */
  yours: string;
  /** "Right answer" */
  expected: string;
  /** titles of the marks */
  wrong: string;
  missing: string;
  /** shown when nothing was typed */
  nothing: string;
}

function Line({ segments, testId }: { segments: DiffSegment[]; testId: string }) {
  return (
    <dd data-testid={testId}>
      {segments.map((s, i) =>
        s.kind === "same" ? <span key={i}>{s.text}</span> : s.kind === "wrong" ? <del key={i}>{s.text}</del> : <ins key={i}>{s.text}</ins>,
      )}
    </dd>
  );
}

/**
 * Your answer above the expected one, as Anki shows a typed answer: on your line what is not in
 * the answer is struck through in red, on the answer's line what you left out is underlined in
 * green (lib/answer/diff.ts). `marked` false (an answer judged right) shows both lines plain:
 * case, width and separators are not worth a mark.
 */
export function AnswerComparison({ typed, expected, marked, labels, testId }: { typed: string; expected: string; marked: boolean; labels: ComparisonLabels; testId?: string }) {
  const diff = twoLineDiff(typed, expected);
  const typedLine: DiffSegment[] = marked ? diff.typed : [{ text: typed.trim(), kind: "same" }];
  const expectedLine: DiffSegment[] = marked ? diff.expected : [{ text: expected.trim(), kind: "same" }];
  return (
    <div className={`typed-diff${marked ? " marked" : ""}`} data-testid={testId}>
      <dl>
        <div>
          <dt>{labels.yours}</dt>
          {typed.trim() === "" ? (
            <dd data-testid="diff-typed" className="nothing">
              {labels.nothing}
            </dd>
          ) : (
            <Line segments={typedLine} testId="diff-typed" />
          )}
        </div>
        <div>
          <dt>{labels.expected}</dt>
          <Line segments={expectedLine} testId="diff-expected" />
        </div>
      </dl>
      {marked ? (
        <p className="diff-legend hint">
          {/* styled as the marks, but not edits themselves */}
          <span className="as-del">{labels.wrong}</span> · <span className="as-ins">{labels.missing}</span>
        </p>
      ) : null}
    </div>
  );
}
