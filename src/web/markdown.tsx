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

/** The HTML of `source` (safe to insert: no raw HTML survives). */
export function markdownToHtml(source: string): string {
  return markdown.render(source);
}

/** A block of rendered Markdown (the only component that sets inner HTML, from `markdownToHtml`). */
export function MarkdownBlock({ source, lang }: { source: string; lang?: string | undefined }) {
  return <div class="prose" lang={lang} dangerouslySetInnerHTML={{ __html: markdownToHtml(source) }} />;
}
