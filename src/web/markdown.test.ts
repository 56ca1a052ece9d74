import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { MARKDOWN_CACHE_CHARS, markdownToHtml } from './markdown.js';

describe('markdownToHtml', () => {
  it('gives the same HTML whether rendered or kept, raw HTML escaped, headings one level down', () => {
    const source = '# Title\n\nSome *text* with <script>alert(1)</script> and https://example.org';
    const first = markdownToHtml(source);
    expect(markdownToHtml(source)).toBe(first);
    expect(first).toContain('<h2>Title</h2>');
    expect(first).toContain('&lt;script&gt;');
    expect(first).toContain('<a href="https://example.org">');
    // What markdown-it alone renders, but for the heading level.
    const plain = new MarkdownIt({ html: false, linkify: true }).render(source);
    expect(first).toBe(plain.replace('<h1>Title</h1>', '<h2>Title</h2>'));
  });

  it('keeps rendering right past the cache size (oldest texts dropped)', () => {
    const block = 'x'.repeat(Math.floor(MARKDOWN_CACHE_CHARS / 25));
    for (let i = 0; i < 40; i++) expect(markdownToHtml(`${i} ${block}`)).toBe(`<p>${i} ${block}</p>\n`);
    expect(markdownToHtml(`0 ${block}`)).toBe(`<p>0 ${block}</p>\n`);
    expect(markdownToHtml('**a**')).toBe('<p><strong>a</strong></p>\n');
  });
});
