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
// a cloned deck repository can hold symbolic links to anything of the user's
const outside = fs.mkdtempSync(path.join(os.tmpdir(), "mianshi-outside-"));
fs.writeFileSync(path.join(outside, "id_rsa"), "-----BEGIN OPENSSH PRIVATE KEY-----");
fs.mkdirSync(path.join(outside, "pictures"));
fs.writeFileSync(path.join(outside, "pictures", "private.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 1]));
fs.symlinkSync(path.join(outside, "id_rsa"), path.join(root, "openstack", "link.png"));
fs.symlinkSync(path.join(outside, "pictures"), path.join(root, "openstack", "linked-folder"));
fs.symlinkSync("flow.png", path.join(root, "openstack", "img", "alias.png"));

describe("readAsset", () => {
  it("serves an image stored under the content root with its type", async () => {
    const a = await readAsset({ path: ["openstack", "img", "flow.png"], contentRoot: root });
    expect(a.type).toBe("image/png");
    expect([...a.body]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it("assets follow symlinks: a link out of the content root serves nothing, a link inside it still works", async () => {
    await expect(readAsset({ path: ["openstack", "link.png"], contentRoot: root })).rejects.toBeInstanceOf(NotFoundError);
    await expect(readAsset({ path: ["openstack", "linked-folder", "private.png"], contentRoot: root })).rejects.toBeInstanceOf(NotFoundError);
    expect([...(await readAsset({ path: ["openstack", "img", "alias.png"], contentRoot: root })).body]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it("assets follow symlinks: a content root that is itself a link still serves its images", async () => {
    const linkedRoot = path.join(outside, "content-link");
    fs.symlinkSync(root, linkedRoot);
    expect((await readAsset({ path: ["openstack", "img", "flow.png"], contentRoot: linkedRoot })).type).toBe("image/png");
    await expect(readAsset({ path: ["openstack", "link.png"], contentRoot: linkedRoot })).rejects.toBeInstanceOf(NotFoundError);
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
