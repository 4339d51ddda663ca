/**
 * A hostile deck: every card carries script tags, event handlers, javascript: links, svg,
 * iframes and remote images. Studying it must run nothing and load nothing from elsewhere.
 */
import { test, expect, type Page } from "@playwright/test";
import { testServer } from "./fixtures/server";

const server = testServer(["tests/fixtures/xss"]);

/** Everything in the page that could run script or leave the page. */
async function hostileMarkup(page: Page) {
  return page.evaluate(() => {
    const main = document.querySelector("main");
    const inContent = main ? [...main.querySelectorAll("script, iframe, svg, object, embed, frame, frameset, style, link, meta, base, form")] : [];
    const handlers: string[] = [];
    const jsUrls: string[] = [];
    for (const el of document.querySelectorAll("*")) {
      for (const attr of el.attributes) {
        if (/^on/i.test(attr.name)) handlers.push(`<${el.tagName.toLowerCase()} ${attr.name}="${attr.value}">`);
        if (["href", "src", "action", "formaction", "xlink:href", "data"].includes(attr.name.toLowerCase()) && /^\s*(javascript|vbscript|data:text\/html)/i.test(attr.value))
          jsUrls.push(`<${el.tagName.toLowerCase()} ${attr.name}="${attr.value}">`);
      }
    }
    const remoteImages = [...document.images].map((i) => i.src).filter((s) => s && !s.startsWith(location.origin));
    return { inContent: inContent.map((e) => e.outerHTML.slice(0, 120)), handlers, jsUrls, remoteImages };
  });
}

test("studying a hostile deck runs no script and loads nothing from other hosts", async ({ page }) => {
  test.setTimeout(120_000);
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  const requests: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  const pageErrors: string[] = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));

  await page.goto(`${server.url}/`);
  const deck = page.getByTestId("deck").filter({ hasText: "Hostile deck" });
  // the description's tag is shown as text
  await expect(deck).toContainText("<script>alert(1)</script>");
  await expect(deck.getByTestId("deck-total")).toHaveText("11");
  expect(await hostileMarkup(page)).toEqual({ inContent: [], handlers: [], jsUrls: [], remoteImages: [] });

  await deck.getByRole("link", { name: /Study/ }).click();
  const prompt = page.getByTestId("prompt");
  await expect(prompt).toBeVisible();
  // raw HTML in content is shown as text, not interpreted
  await expect(prompt).toContainText("Script tag <script>alert(1)</script> in the question?");

  const seen: string[] = [];
  for (let i = 0; i < 11; i++) {
    await expect(prompt).toBeVisible();
    const text = await prompt.innerText();
    expect(seen).not.toContain(text);
    seen.push(text);
    expect(await hostileMarkup(page), `before reveal: ${text}`).toEqual({ inContent: [], handlers: [], jsUrls: [], remoteImages: [] });

    await page.getByRole("button", { name: /Show answer/ }).click();
    await expect(page.getByTestId("answer")).toBeVisible();
    expect(await hostileMarkup(page), `after reveal: ${text}`).toEqual({ inContent: [], handlers: [], jsUrls: [], remoteImages: [] });

    await page.getByRole("button", { name: /^Easy/ }).click();
    if (i < 10) await expect(prompt).not.toHaveText(text);
  }
  await expect(page.getByText("No cards due in this deck")).toBeVisible();
  expect(seen).toHaveLength(11);

  // the javascript: links were rendered without their href
  expect(await page.locator("a[href^='javascript' i]").count()).toBe(0);

  expect(dialogs).toEqual([]);
  expect(pageErrors).toEqual([]);
  const elsewhere = requests.filter((u) => {
    if (u.startsWith("data:") || u.startsWith("blob:")) return false;
    return new URL(u).hostname !== "127.0.0.1";
  });
  expect(elsewhere).toEqual([]);
  expect(requests.some((u) => u.includes("example.com"))).toBe(false);
});
