/** The search over an edition's posts: a form that works without JavaScript and the hits (plain text). */
import { renderToString } from 'preact-render-to-string';
import { Layout } from '../../../web/layout.js';
import type { PageContext } from '../../../web/page-context.js';
import { KeptHtml } from '../../../web/render.js';
import { renderedOnce } from '../../../web/rendered-once.js';
import type { SearchResult } from '../search/search-posts.js';

type Translate = PageContext['t'];

/** How many posts were found (or "more than N" when there are more than the ones shown) and the hits. */
function SearchHitsView({ t, result }: { t: Translate; result: SearchResult }) {
  return (
    <>
      <p>
        {result.more
          ? t.t('forums.search.more', { count: result.hits.length })
          : t.t('forums.search.count', { count: result.hits.length })}
      </p>
      <ol>
        {result.hits.map((h) => (
          <li>
            <a href={`/posts/${h.postId}`}>{h.subject}</a> — {h.author}
            <p>{h.excerpt}</p>
          </li>
        ))}
      </ol>
    </>
  );
}

export function SearchPageView({ ctx, result }: { ctx: PageContext; result: SearchResult }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.t('forums.search.title')}>
      <p class="breadcrumb">
        <a href={`/spaces/${result.editionId}`}>{t.t('forums.forum.space')}</a>
      </p>
      <h1>{t.t('forums.search.title')}</h1>
      <form method="get" action={`/editions/${result.editionId}/forums/search`} role="search">
        <label for="q">{t.t('forums.search.label')}</label>{' '}
        <input id="q" name="q" type="search" value={result.query} maxLength={200} />{' '}
        <button type="submit">{t.t('forums.search.submit')}</button>
      </form>
      {result.query ? (
        // The hits are a kept value (search-posts.ts) shared by every reader of the same scope: their HTML is
        // rendered once per kept value and language.
        <KeptHtml
          html={renderedOnce(result.hits, ctx.locale, () =>
            renderToString(<SearchHitsView t={t} result={result} />),
          )}
        />
      ) : null}
    </Layout>
  );
}
