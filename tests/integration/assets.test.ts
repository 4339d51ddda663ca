import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readAsset } from "../../server/use-cases/read-asset";
import { NotFoundError } from "../../server/errors";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "mianshi-assets-"));
fs.mkdirSync(path.join(root, "openstack", "img"), { recursive: true });
fs.writeFileSync(path.join(root, "openstack", "img", "flow.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
fs.writeFileSync(path.join(root, "openstack", "deck.md"), "# secret source");

describe("readAsset", () => {
  it("serves an image stored under the content root with its type", async () => {
    const a = await readAsset({ path: ["openstack", "img", "flow.png"], contentRoot: root });
    expect(a.type).toBe("image/png");
    expect([...a.body]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it.each([
    [["openstack", "deck.md"]],
    [["..", "..", "etc", "passwd"]],
    [["openstack", "..", "..", "x.png"]],
    [["openstack", "img", "missing.png"]],
  ])("refuses %j as not found", async (p) => {
    await expect(readAsset({ path: p, contentRoot: root })).rejects.toBeInstanceOf(NotFoundError);
  });
});
