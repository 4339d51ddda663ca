import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrate } from "../../scripts/lib/setup";

/** Migrates one template database; each test file copies it (migrations run once per run). */
export default function setup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mianshi-int-"));
  const template = path.join(dir, "template.db");
  migrate(template);
  process.env.MIANSHI_TEMPLATE_DB = template;
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
