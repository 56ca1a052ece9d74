import { renderToString } from 'preact-render-to-string';
import type { Locale, Translator } from '../../../i18n/i18n.js';
import { Csrf, ErrorSummary, Pagination, SelectField, TextField } from '../../../web/components.js';
import { Layout } from '../../../web/layout.js';
import type { FieldMessages, PageContext } from '../../../web/page-context.js';
import { KeptHtml } from '../../../web/render.js';
import { renderedOnceWithToken } from '../../../web/rendered-once.js';
import type { FinaliseReport } from '../finalise-results.js';
import type { GradebookPage as Book } from '../get-gradebook.js';
import { markText, percent, Title } from './result-parts.js';

/** The participation figures shown beside the marks (the export's forum and debate columns). */
const PARTICIPATION_FIGURES = ['threads', 'replies', 'posts', 'rounds'] as const;

/**
 * People × components, totals and outcomes; the override form; exports; finalising. The table and the
 * forms as they first show (nothing typed, no errors) are rendered once per kept page and language
 * (`renderedOnceWithToken` on the page's `rows`, which the kept page shares with every reader until one of
 * its tables changes; the CSRF token is put in per request); a form sent back with errors is rendered fresh.
 */
export function GradebookPage({
  ctx,
  book,
  report,
  values = {},
  errors = {},
}: {
  ctx: PageContext;
  book: Book;
  report: (Pick<FinaliseReport, 'recorded'> & { pending: number; locked: number }) | null;
  values?: Record<string, string>;
  errors?: FieldMessages;
}) {
  const { t } = ctx;
  const title = t.t('results.book.title');
  const base = `/results/${book.edition.id}`;
  const pristine = Object.keys(values).length === 0 && Object.keys(errors).length === 0;
  const contents = (csrf: string) => (
    <GradebookContents t={t} locale={ctx.locale} csrf={csrf} book={book} values={values} errors={errors} />
  );
  return (
    <Layout ctx={ctx} title={title}>
      <p class="breadcrumb">
        <a href={`/spaces/${book.edition.id}`}>
          <Title value={book.edition.courseTitle} locale={ctx.locale} />
        </a>
      </p>
      <h1>{title}</h1>
      {report ? <p role="status">{t.t('results.book.finalisedReport', report)}</p> : null}
      <p>
        <a href={`${base}/policy`}>{t.t('results.book.editPolicy')}</a>
        {' · '}
        <a href={`${base}/gradebook.csv`} download>
          {t.t('results.book.csv')}
        </a>
        {' · '}
        <a href={`${base}/gradebook.xlsx`} download>
          {t.t('results.book.xlsx')}
        </a>
      </p>
      {book.policy ? null : <p>{t.t('results.book.noPolicy')}</p>}
      {pristine ? (
        <KeptHtml
          html={renderedOnceWithToken(book.rows, ctx.locale, ctx.csrf, (token) =>
            renderToString(contents(token)),
          )}
        />
      ) : (
        contents(ctx.csrf)
      )}
    </Layout>
  );
}

/** The page of people (table and paging), the override form and finalising: the same for every staff reader. */
function GradebookContents({
  t,
  locale,
  csrf,
  book,
  values,
  errors,
}: {
  t: Translator;
  locale: Locale;
  csrf: string;
  book: Book;
  values: Record<string, string>;
  errors: FieldMessages;
}) {
  const title = t.t('results.book.title');
  const base = `/results/${book.edition.id}`;
  const overrideErrors = Object.fromEntries(Object.entries(errors).filter(([path]) => !isFinalise(path)));
  return (
    <>
      {book.paging && book.paging.pageCount > 1 ? (
        <p>
          {t.t('results.book.people', {
            from: (book.paging.page - 1) * book.paging.perPage + 1,
            to: (book.paging.page - 1) * book.paging.perPage + book.rows.length,
            count: book.everyone.length,
          })}
        </p>
      ) : null}
      {book.rows.length ? (
        <div class="progress-grid">
          <table>
            <caption class="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t.t('results.book.person')}</th>
                {book.components.map((c) => (
                  <th scope="col">
                    <Title value={c.title} locale={locale} fallback={c.id} /> <small>×{c.weight}</small>
                  </th>
                ))}
                {book.policy ? (
                  <>
                    <th scope="col">{t.t('results.book.total')}</th>
                    <th scope="col">{t.t('results.book.outcome')}</th>
                    <th scope="col">{t.t('results.book.finalised')}</th>
                  </>
                ) : null}
                {PARTICIPATION_FIGURES.map((figure) => (
                  <th scope="col">{t.t(`results.book.participation.${figure}`)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {book.rows.map((row) => {
                const finalised = book.finalised[row.personId];
                return (
                  <tr>
                    <th scope="row">{row.fullName}</th>
                    {row.cells.map((cell) => (
                      <td
                        title={
                          cell.reason ? t.t('results.book.overridden', { reason: cell.reason }) : undefined
                        }
                      >
                        {markText(t, cell.mark, '·')}
                        {cell.source === 'override' ? (
                          <small>
                            {' *'}
                            <span class="visually-hidden">
                              {t.t('results.book.overridden', { reason: cell.reason ?? '' })}
                            </span>
                          </small>
                        ) : null}
                      </td>
                    ))}
                    {row.result ? (
                      <>
                        <td>{row.result.total === null ? '—' : `${percent(t, row.result.total)} %`}</td>
                        <td>{t.t(`results.outcome.${row.result.outcome}`)}</td>
                        <td>{finalised ? t.t(`results.outcome.${finalised.outcome}`) : '—'}</td>
                      </>
                    ) : null}
                    {PARTICIPATION_FIGURES.map((figure) => (
                      <td>{book.participation[row.personId]?.[figure] ?? 0}</td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      {book.paging ? (
        <Pagination
          t={t}
          page={book.paging.page}
          pageCount={book.paging.pageCount}
          href={(n) => (n === 1 ? base : `${base}?page=${n}`)}
        />
      ) : null}
      {book.policy && book.everyone.length ? (
        <>
          <h2 id="override">{t.t('results.book.overrideTitle')}</h2>
          <ErrorSummary t={t} errors={overrideErrors} />
          <form method="post" action={`${base}/overrides`} class="stacked">
            <Csrf token={csrf} />
            <SelectField
              name="personId"
              label={t.t('results.book.overridePerson')}
              value={values.personId}
              options={book.everyone.map((p) => ({ value: p.id, label: p.fullName }))}
              errors={errors}
            />
            <SelectField
              name="componentId"
              label={t.t('results.book.overrideComponent')}
              value={values.componentId}
              options={book.components.map((c) => ({
                value: c.id,
                label: pickTitle(c.title, locale, c.id),
              }))}
              errors={errors}
            />
            <TextField
              name="mark"
              label={t.t('results.book.overrideMark')}
              value={values.mark}
              errors={errors}
            />
            <TextField
              name="reason"
              label={t.t('results.book.overrideReason')}
              value={values.reason}
              errors={errors}
              maxLength={500}
            />
            <button type="submit">{t.t('results.book.overrideSave')}</button>
          </form>
          <h2>{t.t('results.book.finaliseTitle')}</h2>
          <p>{t.t('results.book.finaliseHint')}</p>
          <FinaliseProblems t={t} book={book} errors={errors} />
          <form method="post" action={`${base}/finalise`}>
            <Csrf token={csrf} />
            <button type="submit">{t.t('results.book.finalise')}</button>
          </form>
        </>
      ) : null}
    </>
  );
}

const isFinalise = (path: string) => path === 'finalise' || path.startsWith('finalise.');

/** The pathway's refusal of some results when finalising: whose, and why (nothing was recorded). */
function FinaliseProblems({ t, book, errors }: { t: Translator; book: Book; errors: FieldMessages }) {
  const problems = Object.entries(errors).filter(([path]) => isFinalise(path));
  if (problems.length === 0) return null;
  const nameOf = new Map(book.everyone.map((p) => [p.id, p.fullName]));
  return (
    <div class="error-summary" role="alert" tabindex={-1} id="finalise-problems">
      <h2>{t.t('results.book.finaliseRefused', { count: problems.length })}</h2>
      <ul>
        {problems.map(([path, message]) => {
          const name = nameOf.get(path.split('.')[1] ?? '');
          return <li>{name ? t.t('results.book.finaliseProblem', { name, message }) : message}</li>;
        })}
      </ul>
    </div>
  );
}

function pickTitle(title: Record<string, string | undefined>, locale: string, fallback: string): string {
  return title[locale] ?? title.en ?? Object.values(title).find(Boolean) ?? fallback;
}
