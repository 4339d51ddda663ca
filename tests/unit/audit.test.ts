import { describe, expect, it } from "vitest";
import { checkAudit, type AuditReport } from "../../scripts/lib/audit";

/** The shape `npm audit --json` (npm 11, report version 2) prints, cut down. */
const report: AuditReport = {
  vulnerabilities: {
    "path-to-regexp": {
      name: "path-to-regexp",
      severity: "high",
      via: [{ source: 1101850, name: "path-to-regexp", title: "path-to-regexp outputs backtracking regular expressions", url: "https://github.com/advisories/GHSA-9wv6-86v2-598j", severity: "high", range: "<0.1.10" }],
    },
    express: { name: "express", severity: "high", via: ["path-to-regexp"] },
    cookie: {
      name: "cookie",
      severity: "low",
      via: [{ source: 1103907, name: "cookie", title: "cookie accepts out of bounds characters", url: "https://github.com/advisories/GHSA-pxg6-pf52-xh8x", severity: "low", range: "<0.7.0" }],
    },
    tar: {
      name: "tar",
      severity: "critical",
      via: [{ source: 1, name: "tar", title: "arbitrary file write", url: "https://github.com/advisories/GHSA-f5x3-32g6-xq36", severity: "critical", range: "<6.2.1" }],
    },
  },
  metadata: { vulnerabilities: { info: 0, low: 1, moderate: 0, high: 2, critical: 1, total: 4 } },
};

describe("checkAudit", () => {
  it("fails on every high or critical advisory the allowlist does not explain, once per advisory", () => {
    const outcome = checkAudit(report, []);
    expect(outcome.kind).toBe("checked");
    if (outcome.kind !== "checked") return;
    expect(outcome.unexplained.map((a) => `${a.severity} ${a.id} ${a.package}`)).toEqual(["high GHSA-9wv6-86v2-598j path-to-regexp", "critical GHSA-f5x3-32g6-xq36 tar"]);
    expect(outcome.advisories).toHaveLength(3);
  });

  it("passes advisories explained in the allowlist and reports entries that match nothing", () => {
    const outcome = checkAudit(report, [
      { advisory: "GHSA-9wv6-86v2-598j", package: "path-to-regexp", reason: "dev server only" },
      { advisory: "GHSA-f5x3-32g6-xq36", package: "tar", reason: "only unpacks our own tarballs" },
      { advisory: "GHSA-xxxx-xxxx-xxxx", package: "left-pad", reason: "fixed long ago" },
    ]);
    if (outcome.kind !== "checked") throw new Error(outcome.reason);
    expect(outcome.unexplained).toEqual([]);
    expect(outcome.explained.map((e) => e.reason)).toEqual(["dev server only", "only unpacks our own tarballs"]);
    expect(outcome.stale.map((e) => e.package)).toEqual(["left-pad"]);
  });

  it("an entry for another package does not explain an advisory", () => {
    const outcome = checkAudit(report, [{ advisory: "GHSA-f5x3-32g6-xq36", package: "tar-fs", reason: "x" }]);
    if (outcome.kind !== "checked") throw new Error(outcome.reason);
    expect(outcome.unexplained.map((a) => a.package)).toContain("tar");
  });

  it("refuses an entry without a reason", () => {
    expect(() => checkAudit(report, [{ advisory: "GHSA-f5x3-32g6-xq36", package: "tar", reason: " " }])).toThrow(/reason/);
  });

  it("says when the audit service did not answer (a registry that refuses the POST)", () => {
    const failed = { message: "405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk", statusCode: 405, error: { summary: "", detail: "" } };
    expect(checkAudit(failed, [])).toEqual({ kind: "unavailable", reason: failed.message });
  });

  it("a clean report passes", () => {
    const outcome = checkAudit({ vulnerabilities: {}, metadata: { vulnerabilities: { total: 0 } } }, []);
    expect(outcome).toMatchObject({ kind: "checked", unexplained: [], advisories: [] });
  });
});
