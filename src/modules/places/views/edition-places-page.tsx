import { pickLocalized } from '../../../i18n/localized.js';
import { Csrf, ErrorSummary, SelectField, TextField } from '../../../web/components.js';
import { Layout } from '../../../web/layout.js';
import type { FieldMessages, PageContext } from '../../../web/page-context.js';
import type { EditionPlaces } from '../list-edition-places.js';
import type { PlaceWithPerson } from '../place-views.js';
import { FUNDING_KINDS } from '../places.js';

interface Props {
  ctx: PageContext;
  view: EditionPlaces;
  enrolValues?: Record<string, string>;
  errors?: FieldMessages;
}

type Action = 'confirm' | 'decline' | 'top' | 'withdraw';

function ActionButton({ ctx, place, action }: { ctx: PageContext; place: PlaceWithPerson; action: Action }) {
  return (
    <form method="post" action={`/manage/places/${place.id}/${action}`} class="inline">
      <Csrf token={ctx.csrf} />
      {action === 'decline' ? (
        <>
          <label for={`reason-${place.id}`} class="visually-hidden">
            {ctx.t.t('places.field.reason')}
          </label>
          <input
            id={`reason-${place.id}`}
            name="reason"
            maxLength={1000}
            placeholder={ctx.t.t('places.field.reason')}
          />
        </>
      ) : null}
      <button type="submit" class={action === 'confirm' ? undefined : 'secondary'}>
        {/* A manager withdraws someone's place ("Withdraw" alone reads as withdrawing oneself). */}
        {ctx.t.t(action === 'withdraw' ? 'places.action.withdrawPlace' : `places.action.${action}`)}
      </button>
    </form>
  );
}

function PlaceTable({
  ctx,
  caption,
  places,
  actions,
  showPosition = false,
}: {
  ctx: PageContext;
  caption: string;
  places: PlaceWithPerson[];
  actions: Action[];
  showPosition?: boolean;
}) {
  const { t } = ctx;
  return (
    <section>
      <h2>{t.t('places.manage.section', { name: caption, count: places.length })}</h2>
      {places.length === 0 ? (
        <p>{t.t('places.manage.none')}</p>
      ) : (
        <table>
          <caption class="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              {showPosition ? <th scope="col">{t.t('places.column.position')}</th> : null}
              <th scope="col">{t.t('places.column.person')}</th>
              <th scope="col">{t.t('places.column.funding')}</th>
              <th scope="col">{t.t('places.column.requestedAt')}</th>
              {actions.length ? (
                <th scope="col" class="row-actions">
                  {t.t('places.column.actions')}
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {places.map((p) => (
              <tr>
                {showPosition ? <td>{p.position}</td> : null}
                <td>
                  {p.fullName}
                  <br />
                  <small>{p.email}</small>
                  {p.declineReason ? (
                    <>
                      <br />
                      <small>{t.t('places.my.reason', { reason: p.declineReason })}</small>
                    </>
                  ) : null}
                </td>
                <td>
                  {t.t(`places.funding.${p.fundingKind ?? 'self'}`)}
                  {p.fundingName ? ` (${p.fundingName})` : ''}
                </td>
                <td>{p.requestedAt ? t.date(p.requestedAt.slice(0, 10)) : ''}</td>
                {actions.length ? (
                  <td class="row-actions">
                    {actions
                      .filter((a) => a !== 'top' || p.position !== 1)
                      .map((a) => (
                        <ActionButton ctx={ctx} place={p} action={a} />
                      ))}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The managers' page of an edition's places: counts, funding totals, decisions, direct enrolment. */
export function EditionPlacesPage({ ctx, view, enrolValues = {}, errors = {} }: Props) {
  const { t } = ctx;
  const { edition } = view;
  const title = t.t('places.manage.title', { course: pickLocalized(view.course.title, ctx.locale).text });
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={`/editions/${edition.id}`}>{t.t('places.backToEdition')}</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary t={t} errors={errors} />
      <dl class="facts">
        <dt>{t.t('places.panel.capacity')}</dt>
        <dd>
          {edition.capacity === null
            ? t.t('places.panel.noLimit')
            : view.hasStarted
              ? t.t('edition.places', { count: edition.capacity })
              : t.t('places.panel.placesLeft', { left: view.placesLeft ?? 0, capacity: edition.capacity })}
        </dd>
        <dt>{t.t('places.manage.counts')}</dt>
        <dd>
          {t.t('places.manage.countLine', {
            enrolled: view.counts.enrolled,
            requested: view.counts.requested,
            waitlisted: view.counts.waitlisted,
            withdrawn: view.counts.withdrawn,
            declined: view.counts.declined,
          })}
        </dd>
        <dt>{t.t('places.manage.funding')}</dt>
        <dd>{FUNDING_KINDS.map((k) => `${t.t(`places.funding.${k}`)}: ${view.funding[k]}`).join(' · ')}</dd>
      </dl>
      <p class="actions">
        <a class="button secondary" href={`/manage/editions/${edition.id}/places.csv`}>
          {t.t('places.manage.export')}
        </a>
        <a class="button secondary" href="/manage/places/import">
          {t.t('places.import.title')}
        </a>
      </p>
      <PlaceTable
        ctx={ctx}
        caption={t.t('places.manage.requests')}
        places={view.requests}
        actions={['confirm', 'decline']}
      />
      <PlaceTable
        ctx={ctx}
        caption={t.t('places.manage.confirmed')}
        places={view.confirmed}
        actions={['withdraw', 'decline']}
      />
      <PlaceTable
        ctx={ctx}
        caption={t.t('places.manage.waiting')}
        places={view.waiting}
        // Confirming someone from the waiting list needs a free place (a pending request holds its own).
        actions={view.placesLeft === 0 ? ['top', 'decline'] : ['confirm', 'top', 'decline']}
        showPosition
      />
      <PlaceTable ctx={ctx} caption={t.t('places.manage.withdrawn')} places={view.withdrawn} actions={[]} />
      <PlaceTable ctx={ctx} caption={t.t('places.manage.declined')} places={view.declined} actions={[]} />
      <form
        method="post"
        action={`/manage/editions/${edition.id}/places/enrol`}
        class="stack narrow"
        novalidate
      >
        <h2>{t.t('places.manage.enrol')}</h2>
        <Csrf token={ctx.csrf} />
        <TextField
          name="email"
          type="email"
          label={t.t('places.field.email')}
          value={enrolValues.email}
          errors={errors}
          required
        />
        <SelectField
          name="fundingKind"
          label={t.t('places.field.fundingKind')}
          value={enrolValues.fundingKind ?? 'self'}
          options={FUNDING_KINDS.map((k) => ({ value: k, label: t.t(`places.funding.${k}`) }))}
          errors={errors}
        />
        <TextField
          name="fundingName"
          label={t.t('places.field.fundingName')}
          hint={t.t('places.field.fundingNameHint')}
          value={enrolValues.fundingName}
          errors={errors}
          maxLength={200}
        />
        <button type="submit">{t.t('places.manage.enrol')}</button>
      </form>
    </Layout>
  );
}
