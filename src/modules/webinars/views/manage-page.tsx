/** The staff page of a session: attendance by hand, by CSV, from BigBlueButton; materials. */

import { pickLocalized } from '../../../i18n/localized.js';
import { Csrf, ErrorSummary, SelectField, TextField } from '../../../web/components.js';
import { Layout } from '../../../web/layout.js';
import type { FieldMessages, PageContext } from '../../../web/page-context.js';
import type { WebinarManagement } from '../get-webinar-management.js';
import type { AttendancePreview } from '../import-attendance.js';
import { MATERIAL_EXTENSIONS, MATERIAL_KINDS, MATERIAL_MAX_MB } from '../materials.js';
import { Instant } from './webinar-body.js';

interface Props {
  ctx: PageContext;
  page: WebinarManagement;
  errors?: FieldMessages;
  preview?: { result: AttendancePreview; csv: string } | undefined;
}

export function ManagePage({ ctx, page, errors = {}, preview }: Props) {
  const { t } = ctx;
  const title = pickLocalized(page.title, ctx.locale).text;
  const base = `/webinars/${page.itemId}`;
  return (
    <Layout ctx={ctx} title={t.t('webinars.manage.title', { title })}>
      <p class="breadcrumb">
        <a href={`/spaces/${page.editionId}/items/${page.itemId}`}>{title}</a>
      </p>
      <h1>{t.t('webinars.manage.title', { title })}</h1>
      <p>
        <Instant t={t} iso={page.session.startsAt} timeZone={page.timeZone} /> –{' '}
        <Instant t={t} iso={page.session.endsAt} timeZone={page.timeZone} />
      </p>
      <ErrorSummary t={t} errors={errors} />
      {preview ? <PreviewPart ctx={ctx} base={base} preview={preview} /> : null}
      <section aria-labelledby="attendance-heading">
        <h2 id="attendance-heading">{t.t('webinars.manage.attendance')}</h2>
        {page.participants.length === 0 ? <p>{t.t('webinars.manage.noParticipants')}</p> : null}
        <form method="post" action={`${base}/attendance`}>
          <Csrf token={ctx.csrf} />
          <fieldset>
            <legend>{t.t('webinars.manage.byHand')}</legend>
            {page.participants.map((p) => (
              <p>
                <input
                  type="checkbox"
                  id={`present-${p.id}`}
                  name="attended"
                  value={p.id}
                  checked={p.attended === true}
                />{' '}
                <label for={`present-${p.id}`}>
                  {p.fullName} <small>({p.email})</small>
                </label>{' '}
                <small>
                  {p.attended === null
                    ? t.t('webinars.attendance.notRecorded')
                    : t.t(`webinars.attendance.source.${p.source ?? 'manual'}`)}
                </small>
              </p>
            ))}
          </fieldset>
          <button type="submit">{t.t('webinars.manage.saveAttendance')}</button>
        </form>
        <form method="post" action={`${base}/attendance/preview`} enctype="multipart/form-data">
          <Csrf token={ctx.csrf} />
          <h3>{t.t('webinars.manage.csvTitle')}</h3>
          <p class="hint">{t.t('webinars.manage.csvHint')}</p>
          <p>
            <label for="field-file">{t.t('webinars.manage.csvFile')}</label>{' '}
            <input id="field-file" type="file" name="file" accept=".csv,text/csv" required />
          </p>
          <button type="submit">{t.t('webinars.manage.preview')}</button>
        </form>
        {page.canFetchFromBbb ? (
          <form method="post" action={`${base}/bbb`}>
            <Csrf token={ctx.csrf} />
            <button type="submit" class="secondary">
              {t.t('webinars.manage.fetchBbb')}
            </button>
          </form>
        ) : null}
      </section>
      <section aria-labelledby="materials-heading">
        <h2 id="materials-heading">{t.t('webinars.materials.title')}</h2>
        <ul>
          {page.materials.map((m) => (
            <li>
              {t.t(`webinars.materials.kind.${m.kind}`)}: <a href={m.href}>{m.title}</a>{' '}
              <form method="post" action={`${base}/materials/${m.id}/remove`} class="inline">
                <Csrf token={ctx.csrf} />
                <button type="submit" class="secondary">
                  {t.t('webinars.materials.remove')}
                </button>
              </form>
            </li>
          ))}
        </ul>
        <form method="post" action={`${base}/materials`} enctype="multipart/form-data">
          <Csrf token={ctx.csrf} />
          <SelectField
            name="kind"
            label={t.t('webinars.materials.kindLabel')}
            value="recording"
            options={MATERIAL_KINDS.map((k) => ({ value: k, label: t.t(`webinars.materials.kind.${k}`) }))}
            errors={errors}
          />
          <TextField name="title" label={t.t('webinars.materials.titleLabel')} required errors={errors} />
          <TextField name="url" type="url" label={t.t('webinars.materials.url')} errors={errors} />
          <p>
            <label for="field-material-file">{t.t('webinars.materials.file')}</label>{' '}
            <input id="field-material-file" type="file" name="file" aria-describedby="hint-material-file" />
          </p>
          <p class="hint" id="hint-material-file">
            {t.t('webinars.materials.fileHint', {
              max: MATERIAL_MAX_MB,
              types: MATERIAL_EXTENSIONS.join(', '),
            })}
          </p>
          <button type="submit">{t.t('webinars.materials.add')}</button>
        </form>
      </section>
    </Layout>
  );
}

function PreviewPart({
  ctx,
  base,
  preview,
}: {
  ctx: PageContext;
  base: string;
  preview: { result: AttendancePreview; csv: string };
}) {
  const { t } = ctx;
  const { result } = preview;
  return (
    <section aria-labelledby="preview-heading" class="card">
      <h2 id="preview-heading">{t.t('webinars.preview.title')}</h2>
      {result.problem ? <p class="error">{t.t(result.problem)}</p> : null}
      {result.rows.length ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.t('webinars.preview.line')}</th>
              <th scope="col">{t.t('webinars.preview.email')}</th>
              <th scope="col">{t.t('webinars.preview.person')}</th>
              <th scope="col">{t.t('webinars.preview.attended')}</th>
              <th scope="col">{t.t('webinars.preview.problem')}</th>
            </tr>
          </thead>
          <tbody>
            {result.rows.map((r) => (
              <tr class={r.problem ? 'has-error' : undefined}>
                <td>{r.line}</td>
                <td>{r.email}</td>
                <td>{r.person?.fullName ?? ''}</td>
                <td>
                  {r.attended === null
                    ? ''
                    : t.t(r.attended ? 'webinars.attendance.present' : 'webinars.attendance.absent')}
                </td>
                <td>{r.problem ? t.t(r.problem) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {result.ready ? (
        <form method="post" action={`${base}/attendance/import`}>
          <Csrf token={ctx.csrf} />
          <input type="hidden" name="csv" value={preview.csv} />
          <p>{t.t('webinars.preview.ready', { rows: result.rows.length, attended: result.attended })}</p>
          <button type="submit">{t.t('webinars.preview.confirm')}</button>
        </form>
      ) : (
        <p>{t.t('webinars.preview.notReady')}</p>
      )}
    </section>
  );
}
