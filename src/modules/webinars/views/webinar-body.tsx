/** A webinar item's body on its page: when, join (or when it opens), add to calendar, attendance, materials. */
import type { Translator } from '../../../i18n/i18n.js';
import type { WebinarView } from '../get-webinar-view.js';
import { formatInstant } from './instant-format.js';

/** An instant in the viewer's zone and language, in a <time> element. */
export function Instant({ t, iso, timeZone }: { t: Translator; iso: string; timeZone: string }) {
  return <time datetime={iso}>{formatInstant(iso, t.locale, timeZone)}</time>;
}

function JoinPart({ t, view }: { t: Translator; view: WebinarView }) {
  if (view.state === 'ended') return <p>{t.t('webinars.item.ended')}</p>;
  if (view.session.provider === 'bbb' && !view.bbbConfigured)
    return <p class="notice">{t.t('webinars.item.bbbNotConfigured')}</p>;
  if (view.state === 'upcoming')
    return (
      <p>
        {t.t('webinars.item.opensAt')} <Instant t={t} iso={view.opensAt} timeZone={view.timeZone} />
      </p>
    );
  return (
    <p>
      <a class="button" href={`/webinars/${view.itemId}/join`} rel="nofollow">
        {t.t(view.can.manage ? 'webinars.item.startOrJoin' : 'webinars.item.join')}
      </a>
    </p>
  );
}

export function WebinarBody({ t, view }: { t: Translator; view: WebinarView }) {
  const zone = view.timeZone.replaceAll('_', ' ');
  return (
    <div class="webinar">
      <p>
        <strong>{t.t('webinars.item.when')}</strong>{' '}
        <Instant t={t} iso={view.session.startsAt} timeZone={view.timeZone} /> –{' '}
        <Instant t={t} iso={view.session.endsAt} timeZone={view.timeZone} /> <small>({zone})</small>
      </p>
      <p>
        {t.t(view.session.provider === 'bbb' ? 'webinars.provider.bbb' : 'webinars.provider.external')}
        {view.session.provider === 'external' ? <small> ({new URL(view.session.url).host})</small> : null}
      </p>
      <JoinPart t={t} view={view} />
      <p>
        <a href={`/webinars/${view.itemId}/calendar.ics`} download="webinar.ics">
          {t.t('webinars.item.addToCalendar')}
        </a>{' '}
        · <a href="/account/calendar">{t.t('webinars.item.subscribe')}</a>
      </p>
      {view.learner ? (
        <p>
          <strong>{t.t('webinars.item.yourAttendance')}</strong>{' '}
          {t.t(
            view.attended === null
              ? 'webinars.attendance.notRecorded'
              : view.attended
                ? 'webinars.attendance.present'
                : 'webinars.attendance.absent',
          )}
        </p>
      ) : null}
      {view.can.manage ? (
        <p>
          {view.presentCount !== null ? (
            <>{t.t('webinars.item.presentCount', { count: view.presentCount })} </>
          ) : null}
          <a class="button secondary" href={`/webinars/${view.itemId}/manage`}>
            {t.t('webinars.manage.open')}
          </a>
        </p>
      ) : null}
      {view.materials.length ? (
        <section aria-labelledby={`materials-${view.itemId}`}>
          <h2 id={`materials-${view.itemId}`}>{t.t('webinars.materials.title')}</h2>
          <ul>
            {view.materials.map((m) => (
              <li>
                {t.t(`webinars.materials.kind.${m.kind}`)}:{' '}
                <a href={m.href} rel={m.isFile ? undefined : 'noopener noreferrer external'}>
                  {m.title}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
