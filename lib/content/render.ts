/**
 * Markdown to sanitized HTML. Raw HTML in content is shown as text, never interpreted;
 * rehype-sanitize (GitHub's schema) then strips anything else that could run script
 * (`javascript:` URLs, event handlers). Remote images are never loaded: their alt text is
 * shown instead. Images stored beside the deck are served from the assets route.
 */
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import remarkCjkFriendly from "remark-cjk-friendly";
import remarkRehype from "remark-rehype";
import rehypeSanitize, { defaultSchema, type Options as Schema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import rehypeHighlight from "rehype-highlight";
import { visit, SKIP } from "unist-util-visit";
import type { Root, Image, ImageReference, Text, Parent } from "mdast";
import type { Root as HastRoot, Element as HastElement, Parent as HastParent } from "hast";
import rehypeParse from "rehype-parse";
import path from "node:path";

export interface RenderOptions {
  /** folder of the deck under the content root, to resolve relative image paths */
  deckFolder: string;
  /** URL prefix under which content files are served */
  assetPrefix?: string;
}

export const ASSET_PREFIX = "/api/v1/assets/";

export function isRemoteUrl(url: string): boolean {
  return /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(url.trim());
}

/** Resolves a relative image path against the deck folder; null when it leaves the content root. */
export function resolveAssetPath(deckFolder: string, url: string): string | null {
  let clean: string;
  try {
    clean = decodeURI(url.split(/[?#]/)[0] ?? "");
  } catch {
    return null; // a malformed percent-escape names no file
  }
  if (clean === "" || clean.startsWith("/")) return null;
  const joined = path.posix.normalize(path.posix.join(deckFolder || ".", clean));
  if (joined.startsWith("..") || path.posix.isAbsolute(joined)) return null;
  return joined;
}

function remarkContentPolicy(options: RenderOptions) {
  const prefix = options.assetPrefix ?? ASSET_PREFIX;
  return (tree: Root) => {
    const definitions = new Map<string, string>();
    visit(tree, "definition", (d) => {
      definitions.set(d.identifier, d.url);
    });
    visit(tree, (node, index, parent: Parent | undefined) => {
      if (!parent || index === undefined) return;
      if (node.type === "imageReference") {
        // a reference image goes through the same rule as an inline one
        const ref = node as ImageReference;
        const image: Image = { type: "image", url: definitions.get(ref.identifier) ?? "", alt: ref.alt };
        parent.children.splice(index, 1, image as never);
        return [SKIP, index];
      }
      if (node.type === "html") {
        const text: Text = { type: "text", value: (node as { value: string }).value };
        parent.children.splice(index, 1, text as never);
        return [SKIP, index + 1];
      }
      if (node.type === "image") {
        const image = node as Image;
        const local = isRemoteUrl(image.url) ? null : resolveAssetPath(options.deckFolder, image.url);
        if (local === null) {
          const replacement: Text = { type: "text", value: image.alt ? `[${image.alt}]` : "" };
          parent.children.splice(index, 1, replacement as never);
          return [SKIP, index + 1];
        }
        image.url = prefix + local.split("/").map(encodeURIComponent).join("/");
      }
      return undefined;
    });
  };
}

const schema = {
  ...defaultSchema,
  // only the image sources we rewrote (relative); highlighting adds its classes after this
  protocols: { ...defaultSchema.protocols, src: [] as string[] },
};

function makeProcessor(options: RenderOptions) {
  return (
    unified()
      .use(remarkParse)
      // as in markdown.ts: "1~3" is a range, not the start of a strikethrough
      .use(remarkGfm, { singleTilde: false })
      .use(remarkCjkFriendly)
      .use(remarkContentPolicy, options)
      .use(remarkRehype)
      .use(rehypeSanitize, schema)
      // highlighting runs on the sanitized tree and only adds spans with hljs-* classes
      .use(rehypeHighlight, { detect: false })
      .use(rehypeStringify)
      .freeze()
  );
}

/**
 * Processors by deck folder and prefix. Building one registers highlight.js's common grammars
 * (about 8 ms): once per card, that was most of the time of importing a deck (50 s of a
 * 4,990-card deck's 58 s). A processor holds no state between files, so one serves every card.
 */
const processors = new Map<string, ReturnType<typeof makeProcessor>>();
const MAX_PROCESSORS = 64;

function processorFor(options: RenderOptions) {
  const key = `${options.deckFolder}\u0000${options.assetPrefix ?? ASSET_PREFIX}`;
  let processor = processors.get(key);
  if (!processor) {
    if (processors.size >= MAX_PROCESSORS) processors.delete(processors.keys().next().value!);
    processor = makeProcessor({ deckFolder: options.deckFolder, assetPrefix: options.assetPrefix });
    processors.set(key, processor);
  }
  return processor;
}

export function renderMarkdown(markdown: string, options: RenderOptions): string {
  return String(processorFor(options).processSync(markdown));
}

/**
 * Anki's field HTML (an imported note), sanitized by the same schema as our markdown, with
 * audio for `[sound:…]` added. An image or audio source naming a file of the package is served
 * from `mediaFolder` under the assets route; a remote one is never loaded (its alt text stays).
 */
const ankiSchema: Schema = {
  ...schema,
  tagNames: [...(schema.tagNames ?? []), "audio"],
  attributes: { ...schema.attributes, audio: ["src", "controls"], span: [...(schema.attributes?.span ?? []), ["className", "cloze"]] },
};

function rehypeAnkiMedia(options: { mediaFolder: string; assetPrefix?: string }) {
  const prefix = options.assetPrefix ?? ASSET_PREFIX;
  return (tree: HastRoot) => {
    visit(tree, "element", (node: HastElement, index, parent: HastParent | undefined) => {
      if (node.tagName !== "img" && node.tagName !== "audio") return undefined;
      const src = typeof node.properties.src === "string" ? node.properties.src : "";
      const local = src === "" || isRemoteUrl(src) ? null : resolveAssetPath(options.mediaFolder, src);
      if (local === null || !local.startsWith(options.mediaFolder + "/")) {
        if (!parent || index === undefined) return undefined;
        const alt = typeof node.properties.alt === "string" ? node.properties.alt : "";
        parent.children.splice(index, 1, { type: "text", value: alt ? `[${alt}]` : "" });
        return [SKIP, index + 1];
      }
      node.properties.src = prefix + local.split("/").map(encodeURIComponent).join("/");
      return undefined;
    });
  };
}

const ankiProcessors = new Map<string, ReturnType<typeof makeAnkiProcessor>>();
function makeAnkiProcessor(mediaFolder: string) {
  return unified().use(rehypeParse, { fragment: true }).use(rehypeAnkiMedia, { mediaFolder }).use(rehypeSanitize, ankiSchema).use(rehypeStringify).freeze();
}

export function renderAnkiHtml(html: string, options: { mediaFolder: string }): string {
  let processor = ankiProcessors.get(options.mediaFolder);
  if (!processor) ankiProcessors.set(options.mediaFolder, (processor = makeAnkiProcessor(options.mediaFolder)));
  return String(processor.processSync(html));
}
