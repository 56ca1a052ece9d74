/**
 * The HTML documents of an offline pack: standalone files (their style inline, no script, no request to
 * the network) that any browser opens from a folder, in the reader's language, and that print well.
 */
import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { MarkdownBlock } from '../../../web/markdown.js';

/** Where every document of a pack links back to. */
export const OFFLINE_INDEX = 'index.html';

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:42rem;margin:0 auto;padding:1rem;color:#1b1b1b}
a{color:#0b57a4}h1{font-size:1.6rem;line-height:1.2}h2{font-size:1.25rem;margin-top:2rem}
ul{padding-left:1.2rem}li{margin:.4rem 0}small,.meta{color:#555}.done{color:#17622a}
nav{margin-bottom:1rem}@media print{nav{display:none}a{color:inherit}}`;

/** A complete HTML document (doctype included) with `title` and `children`. */
export function offlineHtml(lang: string, title: string, children: ComponentChildren): Uint8Array {
  const page = (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <style>{STYLE}</style>
      </head>
      <body>{children}</body>
    </html>
  );
  return new TextEncoder().encode(`<!doctype html>${renderToString(page)}`);
}

/** A page item as a document of the pack: its title, its text, a link back to the pack's contents. */
export function offlinePageDocument(input: {
  lang: string;
  title: string;
  body: string;
  bodyLang: string;
  contentsLabel: string;
}): Uint8Array {
  return offlineHtml(
    input.lang,
    input.title,
    <>
      <nav>
        <a href={OFFLINE_INDEX}>{input.contentsLabel}</a>
      </nav>
      <main>
        <h1>{input.title}</h1>
        <MarkdownBlock
          source={input.body}
          lang={input.bodyLang === input.lang ? undefined : input.bodyLang}
        />
      </main>
    </>,
  );
}
