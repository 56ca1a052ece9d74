/**
 * Markdown written by facilitators (and later participants), rendered to HTML: the platform's one named
 * helper that puts HTML into a page. markdown-it with raw HTML off escapes any tag typed in the text and
 * refuses `javascript:`, `vbscript:`, `file:` and most `data:` links; links open as ordinary links.
 */
import MarkdownIt from 'markdown-it';

const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });

// The page has its own h1 (the item's title): the text's headings start one level below.
for (const rule of ['heading_open', 'heading_close'] as const) {
  markdown.renderer.rules[rule] = (tokens, index, options, _env, self) => {
    const token = tokens[index]!;
    token.tag = `h${Math.min(6, Number(token.tag.slice(1)) + 1)}`;
    return self.renderToken(tokens, index, options);
  };
}

/** How much rendered Markdown is kept (the sources' and the HTML's characters together). */
export const MARKDOWN_CACHE_CHARS = 4_000_000;
const rendered = new Map<string, string>();
let renderedChars = 0;

/**
 * The HTML of `source` (safe to insert: no raw HTML survives). The same texts are read over and over (a
 * page item by every participant): the HTML is kept by source text, least recently used dropped first, up
 * to MARKDOWN_CACHE_CHARS. Rendering is pure, so a kept result is the one a new rendering would give.
 */
export function markdownToHtml(source: string): string {
  const kept = rendered.get(source);
  if (kept !== undefined) {
    rendered.delete(source);
    rendered.set(source, kept);
    return kept;
  }
  const html = markdown.render(source);
  const size = source.length + html.length;
  if (size > MARKDOWN_CACHE_CHARS / 10) return html;
  rendered.set(source, html);
  renderedChars += size;
  for (const [oldest, oldHtml] of rendered) {
    if (renderedChars <= MARKDOWN_CACHE_CHARS) break;
    rendered.delete(oldest);
    renderedChars -= oldest.length + oldHtml.length;
  }
  return html;
}

/** A block of rendered Markdown (the only component that sets inner HTML, from `markdownToHtml`). */
export function MarkdownBlock({ source, lang }: { source: string; lang?: string | undefined }) {
  return <div class="prose" lang={lang} dangerouslySetInnerHTML={{ __html: markdownToHtml(source) }} />;
}
