/**
 * Reading `npm audit --json`: the high and critical advisories, and which of them the committed
 * allowlist (audit-allowlist.json) explains. Pure functions, for scripts/audit.ts and its tests.
 */

export const BLOCKING = ["high", "critical"] as const;

export interface Advisory {
  /** GHSA id (from the advisory's URL), or npm's numeric source id */
  id: string;
  package: string;
  severity: string;
  title: string;
  url: string;
  range: string;
}

export interface AllowEntry {
  /** the GHSA id */
  advisory: string;
  package: string;
  /** why it is acceptable here: not reachable, dev only with no untrusted input, no fix yet... */
  reason: string;
}

/** An `npm audit --json` report (version 2), or what npm prints when the audit service fails. */
export interface AuditReport {
  vulnerabilities?: Record<string, { name: string; severity: string; via: (string | { source: number | string; name: string; title: string; url: string; severity: string; range: string })[] }>;
  metadata?: { vulnerabilities?: Record<string, number>; dependencies?: { total?: number } };
  error?: { code?: string; summary?: string; detail?: string };
  message?: string;
  statusCode?: number;
}

export type AuditOutcome =
  | { kind: "unavailable"; reason: string }
  | { kind: "checked"; advisories: Advisory[]; unexplained: Advisory[]; explained: { advisory: Advisory; reason: string }[]; stale: AllowEntry[]; counts: Record<string, number> };

const ghsa = (url: string) => /GHSA(-[23456789cfghjmpqrvwx]{4}){3}/.exec(url)?.[0];

/** The advisories of a report (each once, however many packages it reaches through). */
export function advisories(report: AuditReport): Advisory[] {
  const out = new Map<string, Advisory>();
  for (const v of Object.values(report.vulnerabilities ?? {})) {
    for (const via of v.via) {
      if (typeof via === "string") continue; // "through another vulnerable package": listed under that one
      const id = ghsa(via.url) ?? String(via.source);
      out.set(`${id} ${via.name}`, { id, package: via.name, severity: via.severity, title: via.title, url: via.url, range: via.range });
    }
  }
  return [...out.values()].sort((a, b) => a.package.localeCompare(b.package) || a.id.localeCompare(b.id));
}

export function checkAudit(report: AuditReport, allowlist: AllowEntry[]): AuditOutcome {
  if (!report.vulnerabilities || !report.metadata) {
    const reason = report.error?.summary || report.message || (report.statusCode ? `HTTP ${report.statusCode}` : "no report");
    return { kind: "unavailable", reason };
  }
  for (const entry of allowlist) {
    if (!entry.advisory || !entry.package || !entry.reason?.trim()) throw new Error(`audit allowlist: every entry needs advisory, package and reason: ${JSON.stringify(entry)}`);
  }
  const all = advisories(report);
  const blocking = all.filter((a) => (BLOCKING as readonly string[]).includes(a.severity));
  const allowed = (a: Advisory) => allowlist.find((e) => e.advisory === a.id && e.package === a.package);
  return {
    kind: "checked",
    advisories: all,
    unexplained: blocking.filter((a) => !allowed(a)),
    explained: blocking.flatMap((a) => {
      const e = allowed(a);
      return e ? [{ advisory: a, reason: e.reason }] : [];
    }),
    stale: allowlist.filter((e) => !all.some((a) => a.id === e.advisory && a.package === e.package)),
    counts: report.metadata.vulnerabilities ?? {},
  };
}
