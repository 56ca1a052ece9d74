import { pickLocalized } from '../../../i18n/localized.js';
import { Csrf, ErrorSummary } from '../../../web/components.js';
import { Layout } from '../../../web/layout.js';
import type { FieldMessages, PageContext } from '../../../web/page-context.js';
import type { MyPlace } from '../place-views.js';

interface Props {
  ctx: PageContext;
  places: MyPlace[];
  errors?: FieldMessages;
}

/** The person's places: requests, confirmed places, waiting-list positions, withdrawal. */
export function MyPlacesPage({ ctx, places, errors = {} }: Props) {
  const { t } = ctx;
  const title = t.t('places.my.title');
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <ErrorSummary t={t} errors={errors} />
      {places.length === 0 ? <p>{t.t('places.my.empty')}</p> : null}
      {places.length ? (
        <table>
          <caption class="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t.t('places.column.course')}</th>
              <th scope="col">{t.t('places.column.dates')}</th>
              <th scope="col">{t.t('places.column.status')}</th>
              <th scope="col">{t.t('places.column.funding')}</th>
              <th scope="col" class="row-actions">
                {t.t('places.column.actions')}
              </th>
            </tr>
          </thead>
          <tbody>
            {places.map((p) => (
              <tr>
                <td>
                  <a href={`/editions/${p.editionId}`}>{pickLocalized(p.courseTitle, ctx.locale).text}</a>
                </td>
                <td>
                  {t.date(p.startsOn)} – {t.date(p.endsOn)}
                </td>
                <td>
                  {t.t(`places.mine.${p.status}`, { position: p.position ?? 0 })}
                  {p.status === 'declined' && p.declineReason ? (
                    <>
                      <br />
                      <small>{t.t('places.my.reason', { reason: p.declineReason })}</small>
                    </>
                  ) : null}
                </td>
                <td>
                  {p.fundingKind ? t.t(`places.funding.${p.fundingKind}`) : ''}
                  {p.fundingName ? ` (${p.fundingName})` : ''}
                </td>
                <td class="row-actions">
                  {p.canWithdraw ? (
                    <form method="post" action={`/my/places/${p.id}/withdraw`}>
                      <Csrf token={ctx.csrf} />
                      <button type="submit" class="secondary">
                        {t.t('places.action.withdraw')}
                      </button>
                    </form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Layout>
  );
}
