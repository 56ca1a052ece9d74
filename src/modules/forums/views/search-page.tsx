/** The search over an edition's posts: a form that works without JavaScript and the hits (plain text). */
import { Layout } from '../../../web/layout.js';
import type { PageContext } from '../../../web/page-context.js';
import type { SearchResult } from '../search/search-posts.js';

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
      {result.query ? <p>{t.t('forums.search.count', { count: result.hits.length })}</p> : null}
      <ol>
        {result.hits.map((h) => (
          <li>
            <a href={`/posts/${h.postId}`}>{h.subject}</a> — {h.author}
            <p>{h.excerpt}</p>
          </li>
        ))}
      </ol>
    </Layout>
  );
}
