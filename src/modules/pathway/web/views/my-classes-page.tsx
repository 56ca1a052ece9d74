import { pickLocalized } from '../../../../i18n/localized.js';
import { Layout } from '../../../../web/layout.js';
import type { PageContext } from '../../../../web/page-context.js';
import { dateRange } from '../../../catalogue/views/edition-summary.js';
import type { MyClass } from '../../classes/list-my-classes.js';

/** A facilitator's editions: what still needs recording, and a link to each class list. */
export function MyClassesPage({
  ctx,
  classes,
  canImport,
}: {
  ctx: PageContext;
  classes: MyClass[];
  canImport: boolean;
}) {
  const { t } = ctx;
  const title = t.t('classes.my.title');
  const waiting = classes.filter((c) => c.needsRecording);
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      {classes.length === 0 ? <p>{t.t('classes.my.empty')}</p> : null}
      {waiting.length ? (
        <div class="notice" role="status">
          <p>{t.t('classes.my.waiting', { count: waiting.length })}</p>
        </div>
      ) : null}
      {classes.length ? (
        <table>
          <caption class="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t.t('classes.column.course')}</th>
              <th scope="col">{t.t('classes.column.dates')}</th>
              <th scope="col">{t.t('classes.column.people')}</th>
              <th scope="col">{t.t('classes.column.results')}</th>
            </tr>
          </thead>
          <tbody>
            {classes.map((c) => (
              <tr>
                <th scope="row">
                  <a href={`/manage/editions/${c.edition.id}/class`}>
                    {pickLocalized(c.edition.courseTitle, ctx.locale).text}
                  </a>
                  <br />
                  <small>
                    {t.t(`language.${c.edition.language}`)} · {t.t(`mode.${c.edition.mode}`)} ·{' '}
                    {t.t(`classes.timing.${c.timing}`)}
                  </small>
                </th>
                <td>{dateRange(t, c.edition.startsOn, c.edition.endsOn)}</td>
                <td>{t.number(c.people)}</td>
                <td>
                  {c.needsRecording ? (
                    <strong>{t.t('classes.my.toRecord', { count: c.people - c.recorded })}</strong>
                  ) : (
                    t.t('classes.my.recorded', { recorded: c.recorded, people: c.people })
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {canImport ? (
        <p>
          <a href="/manage/imports/new">{t.t('imports.link')}</a>
        </p>
      ) : null}
    </Layout>
  );
}
