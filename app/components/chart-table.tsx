import type { ReactNode } from "react";

export interface ChartTableRow {
  key: string | number;
  /** the first cell names the row (a day, a date), the rest are its values */
  cells: ReactNode[];
  /** data attributes of the row (`{ "data-over-budget": "1" }`) */
  data?: Record<`data-${string}`, string>;
}

/**
 * A chart's numbers as a table, folded under "Show as a table": what a screen reader and a
 * keyboard user read instead of the chart, and what anyone reads who wants the exact values.
 * `rowHeaders`: the first cell of a row is its header (`<th scope="row">`), as it should be
 * wherever it names the row.
 */
export function ChartTable({
  summary,
  testId,
  caption,
  columns,
  rows,
  rowTestId,
  rowHeaders = true,
}: {
  summary: string;
  testId: string;
  caption?: string;
  columns: string[];
  rows: ChartTableRow[];
  rowTestId?: string;
  rowHeaders?: boolean;
}) {
  return (
    <details>
      <summary>{summary}</summary>
      <div className="table-scroll">
        <table className="data-table" data-testid={testId}>
          {caption ? <caption className="visually-hidden">{caption}</caption> : null}
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} data-testid={rowTestId} {...r.data}>
                {r.cells.map((cell, i) =>
                  i === 0 && rowHeaders ? (
                    <th key={i} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={i}>{cell}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
