"use client";

import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface WorkloadRow {
  /** the day, formatted on the server in the interview's time zone */
  label: string;
  reviews: number;
}

/** The forecast's reviews a day (recharts), with the budget as a line; hidden from screen readers, the table beside it says the same. */
export function WorkloadChart({ rows, budget, names }: { rows: WorkloadRow[]; budget: number | null; names: { reviews: string; budget: string } }) {
  return (
    <div className="chart" aria-hidden="true" data-testid="workload-chart">
      <ResponsiveContainer width="100%" height={200}>
        <BarChart data={rows} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" fontSize={12} interval="preserveStartEnd" minTickGap={12} />
          <YAxis allowDecimals={false} fontSize={12} width={40} />
          <Tooltip />
          {budget !== null ? <ReferenceLine y={budget} stroke="var(--muted)" strokeDasharray="4 3" label={{ value: names.budget, fontSize: 12, position: "insideTopRight" }} /> : null}
          <Bar dataKey="reviews" name={names.reviews} fill="var(--accent)" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
