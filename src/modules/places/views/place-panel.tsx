import type { Translator } from '../../../i18n/i18n.js';
import { Csrf, SelectField, TextField } from '../../../web/components.js';
import type { FieldMessages } from '../../../web/page-context.js';
import type { PlaceOffer } from '../offers/get-place-offer.js';
import { FUNDING_KINDS } from '../places.js';

interface Props {
  t: Translator;
  locale: string;
  offer: PlaceOffer;
  csrf: string;
  /** The path to come back to after signing in. */
  path: string;
  values?: Record<string, string>;
  errors?: FieldMessages;
}

/** What a person needs before asking for a place, and the request form (or why they cannot ask). */
export function PlacePanel({ t, locale, offer, csrf, path, values = {}, errors = {} }: Props) {
  const { edition } = offer;
  const pick = (text: Partial<Record<string, string>>) =>
    text[locale] ?? text.en ?? Object.values(text)[0] ?? '';
  return (
    <section class="places-panel" aria-labelledby="places-heading">
      <h2 id="places-heading">{t.t('places.panel.heading')}</h2>
      <dl class="facts">
        <dt>{t.t('places.panel.availability')}</dt>
        <dd>
          {edition.capacity === null
            ? t.t('places.panel.noLimit')
            : offer.hasStarted
              ? t.t('edition.places', { count: edition.capacity })
              : t.t('places.panel.placesLeft', { left: offer.placesLeft ?? 0, capacity: edition.capacity })}
        </dd>
        {offer.counts.waitlisted > 0 ? (
          <>
            <dt>{t.t('places.panel.waitingList')}</dt>
            <dd>{t.t('places.panel.waiting', { count: offer.counts.waitlisted })}</dd>
          </>
        ) : null}
        <dt>{t.t('places.panel.deadline')}</dt>
        <dd>
          {edition.registrationDeadline
            ? t.date(edition.registrationDeadline, 'long')
            : t.t('places.panel.untilStart', { date: t.date(edition.startsOn, 'long') })}
        </dd>
        <dt>{t.t('places.panel.language')}</dt>
        <dd>{t.t(`language.${edition.language}`)}</dd>
        {offer.signedIn ? (
          <>
            <dt>{t.t('places.panel.countsFor')}</dt>
            <dd>
              {offer.countsFor.length === 0 ? t.t('places.panel.notCandidate') : null}
              {offer.countsFor.map((c) => (
                <p>
                  {c.requirement === null
                    ? t.t('places.panel.doesNotCount', { programme: pick(c.programmeTitle) })
                    : t.t(c.requirement.met ? 'places.panel.countsAlreadyMet' : 'places.panel.counts', {
                        programme: pick(c.programmeTitle),
                        requirement: t.t(`places.requirement.${c.requirement.kind}`, {
                          id: c.requirement.id,
                        }),
                      })}
                </p>
              ))}
            </dd>
          </>
        ) : null}
      </dl>
      {offer.myPlace ? (
        <p class="place-status" role="status">
          {t.t(`places.mine.${offer.myPlace.status}`, { position: offer.myPlace.position ?? 0 })}{' '}
          <a href="/my/places">{t.t('places.mine.link')}</a>
        </p>
      ) : null}
      {!offer.signedIn ? (
        <p>
          <a class="button" href={`/sign-in?next=${encodeURIComponent(path)}`}>
            {t.t('places.panel.signIn')}
          </a>
        </p>
      ) : offer.refusal ? (
        offer.myPlace && offer.refusal === 'places.error.alreadyRequested' ? null : (
          <p class="notice">{t.t(offer.refusal)}</p>
        )
      ) : (
        <form method="post" action={`/editions/${edition.id}/place`} class="stack narrow" novalidate>
          <Csrf token={csrf} />
          {offer.isFull ? <p class="notice">{t.t('places.panel.fullNotice')}</p> : null}
          <SelectField
            name="fundingKind"
            label={t.t('places.field.fundingKind')}
            value={values.fundingKind ?? 'self'}
            options={FUNDING_KINDS.map((k) => ({ value: k, label: t.t(`places.funding.${k}`) }))}
            errors={errors}
          />
          <TextField
            name="fundingName"
            label={t.t('places.field.fundingName')}
            hint={t.t('places.field.fundingNameHint')}
            value={values.fundingName}
            errors={errors}
            maxLength={200}
          />
          <button type="submit">
            {offer.isFull ? t.t('places.action.joinWaitingList') : t.t('places.action.request')}
          </button>
        </form>
      )}
    </section>
  );
}
