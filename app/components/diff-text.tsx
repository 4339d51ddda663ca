import type { DiffPart } from "@/lib/answer/grade";

/** What was typed against the expected answer: missing characters inserted, extra ones struck. */
export function DiffText({ diff, missingLabel, extraLabel, testId }: { diff: readonly DiffPart[]; missingLabel: string; extraLabel: string; testId?: string }) {
  return (
    <p className="typed-diff" data-testid={testId}>
      {diff.map((part, i) =>
        part.kind === "ok" ? (
          <span key={i}>{part.text}</span>
        ) : part.kind === "missing" ? (
          <ins key={i} title={missingLabel}>
            {part.text}
          </ins>
        ) : (
          <del key={i} title={extraLabel}>
            {part.text}
          </del>
        ),
      )}
    </p>
  );
}
