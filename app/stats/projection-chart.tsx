"use client";

import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface ProjectionRow {
  /** the point's label, formatted on the server in the interview's time zone */
  label: string;
  /** percents, whole */
  withPlan: number;
  ifStopped: number;
}

/**
 * The projection's lines (recharts), hidden from screen readers: the section around it gives
 * the same numbers as a caption and a table.
 */
export function ProjectionChart({ rows, target, names }: { rows: ProjectionRow[]; target: number; names: { withPlan: string; ifStopped: string; target: string } }) {
  return (
    <div className="chart" aria-hidden="true" data-testid="projection-chart">
      <ResponsiveContainer width="100%" height={220}>
        <LineChart data={rows} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" fontSize={12} interval="preserveStartEnd" minTickGap={12} />
          <YAxis domain={[0, 100]} fontSize={12} width={40} unit="%" />
          <Tooltip formatter={(v) => `${String(v)}%`} />
          <Legend wrapperStyle={{ fontSize: 13 }} />
          <ReferenceLine y={target} stroke="var(--muted)" strokeDasharray="2 4" label={{ value: names.target, fontSize: 12, position: "insideBottomLeft" }} />
          <Line type="monotone" dataKey="withPlan" name={names.withPlan} stroke="var(--ok)" dot={false} isAnimationActive={false} />
          <Line type="monotone" dataKey="ifStopped" name={names.ifStopped} stroke="var(--accent)" strokeDasharray="5 4" dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
