/** renderMarkdown: sanitized HTML, no remote loads, local images via the assets route. */
import { describe, it, expect } from "vitest";
import { renderMarkdown, resolveAssetPath, isRemoteUrl, ASSET_PREFIX } from "../../lib/content/render";

const OPTS = { deckFolder: "openstack" };
const render = (md: string, opts = OPTS) => renderMarkdown(md, opts);

describe("raw HTML is text, never markup", () => {
  it("<script> shows as text", () => {
    const html = render("hi <script>alert(1)</script> there");
    expect(html).not.toMatch(/<script/i);
    expect(html).toBe("<p>hi &#x3C;script>alert(1)&#x3C;/script> there</p>");
  });

  it("a block-level <script> shows as text", () => {
    const html = render("<script>alert(1)</script>");
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("&#x3C;script>alert(1)");
  });

  it("<img onerror> is inert", () => {
    const html = render("<img src=x onerror=alert(1)>");
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain("&#x3C;img src=x onerror=alert(1)>");
  });

  it("<svg onload> and <iframe> are inert", () => {
    const svg = render("<svg onload=alert(1)><circle/></svg>");
    expect(svg).not.toMatch(/<svg/i);
    expect(svg).toContain("&#x3C;svg onload=alert(1)>");
    const iframe = render('<iframe src="https://evil.example"></iframe>');
    expect(iframe).not.toMatch(/<iframe/i);
    expect(iframe).toContain("&#x3C;iframe");
  });

  it("a raw <a href=javascript:> is text", () => {
    const html = render('<a href="javascript:alert(1)">x</a>');
    expect(html).not.toMatch(/<a /);
    expect(html).toContain("&#x3C;a href=");
  });
});

describe("links", () => {
  it("[x](javascript:...) keeps the text but has no javascript: href", () => {
    for (const md of ["[x](javascript:alert(1))", "[x](JaVaScRiPt:alert(1))", "[x](vbscript:msgbox)"]) {
      const html = render(md);
      expect(html).not.toMatch(/javascript:|vbscript:/i);
      expect(html).not.toMatch(/href=/);
      expect(html).toBe("<p><a>x</a></p>");
    }
  });

  it("a javascript: reference definition is dropped too", () => {
    const html = render("[x][r]\n\n[r]: javascript:alert(1)");
    expect(html).not.toMatch(/javascript:/i);
    expect(html).toBe("<p><a>x</a></p>");
  });

  it("an https link is kept", () => {
    expect(render("[ok](https://example.com)")).toBe('<p><a href="https://example.com">ok</a></p>');
  });

  it("ordinary markdown renders", () => {
    expect(render("**bold** `code`")).toBe("<p><strong>bold</strong> <code>code</code></p>");
  });
});

describe("images", () => {
  it("a remote image produces no <img>; its alt text is shown", () => {
    const html = render("![alt text](https://example.com/a.png)");
    expect(html).not.toMatch(/<img/);
    expect(html).not.toContain("example.com");
    expect(html).toBe("<p>[alt text]</p>");
  });

  it("a remote image without alt text shows nothing", () => {
    expect(render("![](https://via.placeholder.com/800x600?text=Image+cc70cdee93652050)")).toBe("<p></p>");
  });

  it("protocol-relative and http images are remote too", () => {
    expect(render("![a](//example.com/a.png)")).toBe("<p>[a]</p>");
    expect(render("![a](http://example.com/a.png)")).toBe("<p>[a]</p>");
  });

  it("a local image becomes an assets URL under the deck folder", () => {
    const html = render("![a](img/a.png)");
    expect(html).toBe('<p><img src="/api/v1/assets/openstack/img/a.png" alt="a"></p>');
  });

  it("a local image at the content root, and one with a title", () => {
    expect(render("![a](img/a.png)", { deckFolder: "" })).toBe('<p><img src="/api/v1/assets/img/a.png" alt="a"></p>');
    expect(render('![a](img/a.png "t")')).toBe('<p><img src="/api/v1/assets/openstack/img/a.png" alt="a" title="t"></p>');
  });

  it("spaces in a local path are percent-encoded", () => {
    expect(render("![a](<img/my pic.png>)")).toBe('<p><img src="/api/v1/assets/openstack/img/my%20pic.png" alt="a"></p>');
  });

  it("../../etc/passwd (leaving the content root) is dropped", () => {
    for (const md of ["![a](../../etc/passwd)", "![a](%2e%2e/%2e%2e/etc/passwd)", "![a](/etc/passwd)", "![a](img/../../../x.png)"]) {
      const html = render(md);
      expect(html).not.toMatch(/<img/);
      expect(html).not.toContain("passwd\"");
      expect(html).toBe("<p>[a]</p>");
    }
  });

  it("data: and file: URLs are dropped", () => {
    expect(render("![a](data:image/png;base64,AAAA)")).toBe("<p>[a]</p>");
    expect(render("![a](data:image/svg+xml,<svg onload=alert(1)>)")).not.toMatch(/<img|<svg/);
    expect(render("![a](file:///etc/passwd)")).toBe("<p>[a]</p>");
  });
});

describe("helpers", () => {
  it("isRemoteUrl", () => {
    expect(isRemoteUrl("https://a")).toBe(true);
    expect(isRemoteUrl("//a")).toBe(true);
    expect(isRemoteUrl("data:x")).toBe(true);
    expect(isRemoteUrl("img/a.png")).toBe(false);
  });

  it("resolveAssetPath keeps paths inside the content root", () => {
    expect(resolveAssetPath("openstack", "img/a.png")).toBe("openstack/img/a.png");
    expect(resolveAssetPath("openstack", "../common/a.png")).toBe("common/a.png");
    expect(resolveAssetPath("openstack", "../../etc/passwd")).toBeNull();
    expect(resolveAssetPath("openstack", "/etc/passwd")).toBeNull();
    expect(resolveAssetPath("", "")).toBeNull();
    expect(ASSET_PREFIX).toBe("/api/v1/assets/");
  });
});

describe("code highlighting", () => {
  it("highlights a fenced block with a language, after sanitizing", () => {
    const html = renderMarkdown("```bash\nip netns exec qrouter-1 iptables -t nat -S\n```", { deckFolder: "" });
    expect(html).toContain('<code class="hljs language-bash">');
    expect(html).toContain('<span class="hljs-built_in">exec</span>');
  });

  it("leaves a block without a language plain and never turns code into markup", () => {
    expect(renderMarkdown("```\n<b>x</b>\n```", { deckFolder: "" })).toBe("<pre><code>&#x3C;b>x&#x3C;/b>\n</code></pre>");
    expect(renderMarkdown("```html\n<script>alert(1)</script>\n```", { deckFolder: "" })).not.toContain("<script");
  });
});
