/**
 * Markdown written by facilitators (and later participants), rendered to HTML: the platform's one named
 * helper that puts HTML into a page. markdown-it with raw HTML off escapes any tag typed in the text and
 * refuses `javascript:`, `vbscript:`, `file:` and most `data:` links; links open as ordinary links.
 */
import MarkdownIt from 'markdown-it';

const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });

/** The HTML of `source` (safe to insert: no raw HTML survives). */
export function markdownToHtml(source: string): string {
  return markdown.render(source);
}

/** A block of rendered Markdown (the only component that sets inner HTML, from `markdownToHtml`). */
export function MarkdownBlock({ source, lang }: { source: string; lang?: string | undefined }) {
  return <div class="prose" lang={lang} dangerouslySetInnerHTML={{ __html: markdownToHtml(source) }} />;
}
