/**
 * Tables are content: a comparison ("| 对比项 | 热迁移 | 冷迁移 |") or a reference ("| 参数 |
 * 默认 | 作用 |") says, row by row, what a learner is asked in an interview. Each row becomes
 * one card: its first cell is the question ("虚机是否停机", "net.core.netdev_budget"), the
 * other cells, under their column names, the answer. In an interview rubric a row is a point.
 */
import type { Generator } from "./generator";
import type { Table } from "./read";
import { md } from "./text";
import { normalizeAnswer } from "../../answer/normalize";

/** A cell that says nothing ("-", "—", "/", "无"), or a row with nothing to tell its columns apart. */
const EMPTY_CELL = /^(?:[-—–/\\]*|无|n\/a|none|n\.a\.)$/iu;

/** The rows of a table worth asking: a label and at least one column with something in it. */
export function tableRows(table: Table): Array<{ label: string; cells: Array<{ column: string; text: string }> }> {
  const columns = table.header.slice(1);
  return table.rows.flatMap((row) => {
    const label = row[0]?.trim() ?? "";
    const cells = columns.map((column, k) => ({ column: column.trim(), text: (row[k + 1] ?? "").trim() })).filter((c) => !EMPTY_CELL.test(c.text));
    if (normalizeAnswer(label).length < 2 || cells.length === 0) return [];
    // a row whose cells all say the same thing compares nothing
    if (cells.length >= 2 && new Set(cells.map((c) => normalizeAnswer(c.text))).size === 1) return [];
    return [{ label, cells }];
  });
}

/** A row as one line of text, for a rubric point: "虚机是否停机：热迁移 不停…；冷迁移 关机…". */
export function rowText(row: ReturnType<typeof tableRows>[number], zh: boolean): string {
  return `${row.label}${zh ? "：" : ": "}${row.cells.map((c) => (c.column ? `${c.column} ${c.text}` : c.text)).join(zh ? "；" : "; ")}`;
}

export function tableCards(g: Generator, topic: string[], title: string, table: Table) {
  for (const row of tableRows(table)) {
    const columns = row.cells.map((c) => md(c.column)).filter((c) => c.length > 0);
    const prompt = g.t.tableRow(title, md(row.label.replace(/\s*[?？]$/u, "")), columns);
    const answer = row.cells.map((c) => (c.column ? `- **${md(c.column)}**${g.zh ? "：" : ": "}${md(c.text)}` : `- ${md(c.text)}`)).join("\n");
    g.add({ kind: "basic", topic, line: table.line, prompt, answer, generatedBy: "notes:table-row" }, prompt);
  }
}
