import type { Translator } from '../../../i18n/i18n.js';
import { Csrf, ErrorSummary, TextArea } from '../../../web/components.js';
import { Layout } from '../../../web/layout.js';
import type { FieldMessages, PageContext } from '../../../web/page-context.js';
import type { PlacesImportProblem } from '../import/places-import.js';
import type { PlacesImportCheck } from '../import/places-import-lookups.js';

interface Props {
  ctx: PageContext;
  csv?: string;
  check?: PlacesImportCheck;
  errors?: FieldMessages;
  /** Problems refused at commit (the file changed meanwhile). */
  problems?: PlacesImportProblem[];
}

function problemText(t: Translator, p: PlacesImportProblem): string {
  const message = t.has(p.key) ? t.t(p.key, p.values) : t.t('validation.invalid');
  if (p.line === 0) return message;
  return t.t('places.import.problem', {
    line: p.line,
    column: p.column ? t.t(`places.import.column.${p.column}`) : '',
    message,
  });
}

/** Bulk enrolment: paste the CSV, see what it would do (and every problem), then confirm. */
export function PlacesImportPage({ ctx, csv = '', check, errors = {}, problems }: Props) {
  const { t } = ctx;
  const title = t.t('places.import.title');
  const shown = problems ?? check?.problems ?? [];
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{t.t('places.import.intro')}</p>
      <pre>email,edition,funding,funding_name</pre>
      <ErrorSummary t={t} errors={errors} />
      {shown.length ? (
        <div class="error-summary" role="alert">
          <h2>{t.t('places.import.problems', { count: shown.length })}</h2>
          <ul>
            {shown.map((p) => (
              <li>{problemText(t, p)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {check && shown.length === 0 ? (
        <section>
          <h2>{t.t('places.import.preview', { count: check.planned.length })}</h2>
          <table>
            <caption class="visually-hidden">
              {t.t('places.import.preview', { count: check.planned.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t.t('places.import.line')}</th>
                <th scope="col">{t.t('places.import.column.email')}</th>
                <th scope="col">{t.t('places.import.column.edition')}</th>
                <th scope="col">{t.t('places.import.column.funding')}</th>
                <th scope="col">{t.t('places.import.change')}</th>
              </tr>
            </thead>
            <tbody>
              {check.planned.map((r) => (
                <tr>
                  <td>{r.line}</td>
                  <td>{r.email}</td>
                  <td>{r.edition}</td>
                  <td>
                    {t.t(`places.funding.${r.fundingKind}`)}
                    {r.fundingName ? ` (${r.fundingName})` : ''}
                  </td>
                  <td>{t.t(r.from ? `places.import.from.${r.from}` : 'places.import.from.new')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <form method="post" action="/manage/places/import/commit">
            <Csrf token={ctx.csrf} />
            <input type="hidden" name="csv" value={csv} />
            <button type="submit">{t.t('places.import.commit', { count: check.planned.length })}</button>
          </form>
        </section>
      ) : null}
      <form method="post" action="/manage/places/import" class="stack" novalidate>
        <Csrf token={ctx.csrf} />
        <TextArea name="csv" label={t.t('places.import.csv')} value={csv} errors={errors} rows={10} />
        <button type="submit" class="secondary">
          {t.t('places.import.check')}
        </button>
      </form>
    </Layout>
  );
}
