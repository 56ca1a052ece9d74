/** A list's pager: previous and next links, where the reader is, and (on request) the pages by number. */
import type { Translator } from '../i18n/i18n.js';

/** Previous / next links that keep the other query parameters. */
export function Pagination({
  t,
  page,
  pageCount,
  href,
  numbered = false,
}: {
  t: Translator;
  page: number;
  pageCount: number;
  href: (page: number) => string;
  /** Links to the pages by number too (the first, the last and two either side of this one). */
  numbered?: boolean;
}) {
  if (pageCount <= 1) return null;
  return (
    <nav class="pagination" aria-label={t.t('pagination.label')}>
      {page > 1 ? (
        <a href={href(page - 1)} rel="prev">
          {t.t('pagination.previous')}
        </a>
      ) : (
        <span />
      )}
      <span>{t.t('pagination.status', { page, pageCount })}</span>
      {numbered ? <PageNumbers t={t} page={page} pageCount={pageCount} href={href} /> : null}
      {page < pageCount ? (
        <a href={href(page + 1)} rel="next">
          {t.t('pagination.next')}
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}

/** The page numbers of a pager: the first, the last and two either side of the current one, gaps as "…". */
export function pageNumbersShown(page: number, pageCount: number): (number | null)[] {
  const out: (number | null)[] = [];
  for (let n = 1; n <= pageCount; n++) {
    if (n === 1 || n === pageCount || Math.abs(n - page) <= 2) out.push(n);
    else if (out[out.length - 1] !== null) out.push(null);
  }
  return out;
}

function PageNumbers(props: {
  t: Translator;
  page: number;
  pageCount: number;
  href: (page: number) => string;
}) {
  const { t, page } = props;
  return (
    <ol class="page-numbers">
      {pageNumbersShown(page, props.pageCount).map((n) =>
        n === null ? (
          // "…" as a character reference: one character beyond Latin-1 makes V8 hold the whole page as a
          // two-byte string, dearer to build and to encode on every response (rendered-once.ts, latin1Html).
          <li aria-hidden="true" dangerouslySetInnerHTML={{ __html: '&#8230;' }} />
        ) : n === page ? (
          <li>
            <a href={props.href(n)} aria-current="page" aria-label={t.t('pagination.page', { page: n })}>
              {n}
            </a>
          </li>
        ) : (
          <li>
            <a href={props.href(n)} aria-label={t.t('pagination.page', { page: n })}>
              {n}
            </a>
          </li>
        ),
      )}
    </ol>
  );
}
