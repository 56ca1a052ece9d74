import { pickLocalized } from '../../../../i18n/localized.js';
import { Csrf, ErrorSummary, Field } from '../../../../web/components.js';
import { Layout } from '../../../../web/layout.js';
import type { FieldMessages, PageContext } from '../../../../web/page-context.js';
import type { Programme } from '../../../programmes/programme.js';
import { IMPORT_COLUMNS } from '../import-format.js';
import type { ImportListItem } from '../import-view.js';

/** An example of the format, shown on the upload page and in the README. */
export const EXAMPLE_CSV = `email,course,edition,outcome,grade,started_on,completed_on,reference
amina.diallo@example.org,FRP,FRP-2027-03,achievement,87,,2027-04-16,
amina.diallo@example.org,LMA,,achievement,,2016-02-01,2016-06-30,ITC-2016-0042`;

const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The upload form, the format, the export links and the latest imports. */
export function ImportUploadPage({
  ctx,
  imports,
  programmes,
  errors = {},
}: {
  ctx: PageContext;
  imports: ImportListItem[];
  programmes: Programme[];
  errors?: FieldMessages;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.t('imports.new.title')}>
      <h1>{t.t('imports.new.title')}</h1>
      <p>{t.t('imports.new.intro')}</p>
      <ErrorSummary t={t} errors={errors} />
      <form
        method="post"
        action="/manage/imports"
        enctype="multipart/form-data"
        class="stack narrow"
        novalidate
      >
        <Csrf token={ctx.csrf} />
        <Field name="file" label={t.t('imports.new.file')} hint={t.t('imports.new.fileHint')} errors={errors}>
          <input
            type="file"
            id="field-file"
            name="file"
            accept={ACCEPT}
            required
            aria-describedby={errors.file ? 'hint-file error-file' : 'hint-file'}
            aria-invalid={errors.file ? 'true' : undefined}
          />
        </Field>
        <button type="submit">{t.t('imports.new.submit')}</button>
      </form>
      <h2>{t.t('imports.format.title')}</h2>
      <p>{t.t('imports.format.intro')}</p>
      <table>
        <caption class="visually-hidden">{t.t('imports.format.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t.t('imports.format.column')}</th>
            <th scope="col">{t.t('imports.format.meaning')}</th>
          </tr>
        </thead>
        <tbody>
          {IMPORT_COLUMNS.map((column) => (
            <tr>
              <th scope="row">
                <code>{column}</code>
              </th>
              <td>{t.t(`imports.format.${column}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>{t.t('imports.format.rules')}</p>
      <pre>{EXAMPLE_CSV}</pre>
      {programmes.length ? (
        <>
          <h2>{t.t('imports.export.title')}</h2>
          <ul>
            {programmes.map((p) => (
              <li>
                <a href={`/manage/results.csv?programme=${encodeURIComponent(p.slug)}`}>
                  {t.t('imports.export.programme', { programme: pickLocalized(p.title, ctx.locale).text })}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>{t.t('imports.list.title')}</h2>
      {imports.length === 0 ? <p>{t.t('imports.list.empty')}</p> : <ImportList ctx={ctx} imports={imports} />}
    </Layout>
  );
}

function ImportList({ ctx, imports }: { ctx: PageContext; imports: ImportListItem[] }) {
  const { t } = ctx;
  return (
    <table>
      <caption class="visually-hidden">{t.t('imports.list.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t.t('imports.list.file')}</th>
          <th scope="col">{t.t('imports.list.status')}</th>
          <th scope="col">{t.t('imports.list.rows')}</th>
          <th scope="col">{t.t('imports.list.errors')}</th>
          <th scope="col">{t.t('imports.list.uploaded')}</th>
        </tr>
      </thead>
      <tbody>
        {imports.map((item) => (
          <tr>
            <td>
              <a href={`/manage/imports/${item.id}`}>{item.fileName}</a>
            </td>
            <td>{t.t(`imports.status.${item.status}`)}</td>
            <td>{t.number(item.rowCount)}</td>
            <td>{t.number(item.errorCount)}</td>
            <td>{t.dateTime(item.createdAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
