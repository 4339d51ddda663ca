/**
 * Shows HTML that the server rendered and sanitized at import (lib/content/render.ts:
 * raw HTML in content becomes text, rehype-sanitize strips scripts, handlers and
 * javascript: URLs, remote images are replaced by their alt text). Only card fields ending
 * in "Html" may be passed here; never user input or unsanitized markdown.
 */
export function SanitizedHtml({
  html,
  as: Tag = "div",
  className,
  testId,
  id,
}: {
  id?: string;
  html: string;
  as?: "div" | "span";
  className?: string;
  testId?: string;
}) {
  return <Tag id={id} className={className} data-testid={testId} dangerouslySetInnerHTML={{ __html: html }} />;
}
