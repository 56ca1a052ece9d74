import type { Translator } from '../../../i18n/i18n.js';
import { Pagination } from '../../../web/components.js';
import type { SimilarityPair, SimilarityResult } from '../similarity/similarity-check.js';

/** What the check compares, and — plainly — that PDF files are left out when this server cannot read them. */
export function SimilarityScope({ t, pdfText }: { t: Translator; pdfText: boolean }) {
  return (
    <>
      <p class="hint">{t.t('assignments.similarity.scope')}</p>
      {pdfText ? null : <p class="notice">{t.t('assignments.similarity.noPdfText')}</p>}
    </>
  );
}

/** Pairs of similar texts, each opening onto the passages both share, side by side. */
export function SimilarityPairs({ t, pairs }: { t: Translator; pairs: readonly SimilarityPair[] }) {
  return (
    <ul>
      {pairs.map((p) => (
        <li>
          <details>
            <summary>
              {p.reference
                ? t.t('assignments.similarity.pairReference', { a: p.a, b: p.b, percent: p.percent })
                : p.earlierEdition
                  ? t.t('assignments.similarity.pairEarlier', {
                      a: p.a,
                      b: p.b,
                      edition: p.earlierEdition,
                      percent: p.percent,
                    })
                  : t.t('assignments.similarity.pair', { a: p.a, b: p.b, percent: p.percent })}
            </summary>
            <table class="side-by-side">
              <caption>{t.t('assignments.similarity.passages')}</caption>
              <thead>
                <tr>
                  <th scope="col">{p.a}</th>
                  <th scope="col">{p.earlierEdition ? `${p.earlierEdition} · ${p.b}` : p.b}</th>
                </tr>
              </thead>
              <tbody>
                {p.passages.map((passage) => (
                  <tr>
                    <td>{passage.a}</td>
                    <td>{passage.b}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </li>
      ))}
    </ul>
  );
}

/**
 * The check's outcome on a page: the files it could not read, how many pairs in all, one page of pairs (the
 * most similar first) and the links to the other pages (`?pairs=N`, back to the section `#anchor`).
 */
export function SimilarityResults({
  t,
  result,
  path,
  anchor,
}: {
  t: Translator;
  result: SimilarityResult;
  path: string;
  anchor: string;
}) {
  const { total, page, pageCount, perPage, pairs } = result;
  const from = (page - 1) * perPage + 1;
  return (
    <>
      {result.unreadable.length ? (
        <p class="notice">
          {t.t('assignments.similarity.unreadable', {
            count: result.unreadable.length,
            files: result.unreadable.join(', '),
          })}
        </p>
      ) : null}
      {total === 0 ? (
        <p>{t.t('assignments.similarity.none')}</p>
      ) : (
        <>
          <p>
            {t.t('assignments.similarity.count', { count: total })}
            {pageCount > 1
              ? ` ${t.t('assignments.similarity.shown', { from, to: from + pairs.length - 1, count: total })}`
              : null}
          </p>
          <SimilarityPairs t={t} pairs={pairs} />
          <Pagination
            t={t}
            page={page}
            pageCount={pageCount}
            href={(n) => `${path}${n === 1 ? '' : `?pairs=${n}`}#${anchor}`}
          />
        </>
      )}
    </>
  );
}
