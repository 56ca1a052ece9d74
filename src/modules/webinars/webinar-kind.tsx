/**
 * The `webinar` item kind of course spaces: a real-time session (BigBlueButton or an external https link)
 * with a start and an end stored in UTC. Its settings hold the session; attendance, materials and
 * reminders live in this module's tables. Attendance reaches the item through spaces' `recordItemOutcome`.
 */
import { translator } from '../../i18n/i18n.js';
import { pickLocalized } from '../../i18n/localized.js';
import { timeZoneNames } from '../../i18n/time-zones.js';
import { SelectField, TextField } from '../../web/components.js';
import { defineSpaceItemKind } from '../spaces/space-item-kind.js';
import { shiftInstant, toLocalInput } from '../spaces/spaces.js';
import { getWebinarView } from './get-webinar-view.js';
import { Instant, WebinarBody } from './views/webinar-body.js';
import { PROVIDERS, type WebinarSettings } from './webinar.js';
import { WEBINAR_KIND } from './webinar-access.js';
import { readWebinarSettings, webinarSettingsSchema } from './webinar-settings.js';

/** Sessions the space's home lists under "next webinars". */
export const NEXT_WEBINARS_SHOWN = 3;

export const webinarKind = defineSpaceItemKind<WebinarSettings>({
  kind: WEBINAR_KIND,
  label: 'webinars.kind.label',
  completionRules: ['attended', 'viewed', 'marked-done'],
  settings: webinarSettingsSchema,
  async render(db, deps, item, viewer) {
    const session = readWebinarSettings(item.settings);
    if (!session) return null;
    const learner = viewer.actor.kind === 'user' && !viewer.can.edit && !viewer.can.seeEveryone;
    const view = await getWebinarView(db, deps, { ...item, settings: session }, { ...viewer, learner });
    return <WebinarBody t={translator(viewer.locale)} view={view} />;
  },
  settingsFields(item, { t, values, errors }) {
    const zone = values['settings.timeZone'] || item?.settings.timeZone || values.timeZone || 'UTC';
    const local = (field: 'startsAt' | 'endsAt') =>
      values[`settings.${field}`] ?? (item ? toLocalInput(item.settings[field], zone) : '');
    return (
      <>
        <TextField
          name="settings.startsAt"
          type="datetime-local"
          label={t.t('webinars.build.startsAt')}
          required
          value={local('startsAt')}
          errors={errors}
        />
        <TextField
          name="settings.endsAt"
          type="datetime-local"
          label={t.t('webinars.build.endsAt')}
          required
          value={local('endsAt')}
          errors={errors}
        />
        <SelectField
          name="settings.timeZone"
          label={t.t('webinars.build.timeZone')}
          hint={t.t('webinars.build.timeZoneHint')}
          value={zone}
          options={timeZoneNames().map((z) => ({ value: z, label: z.replaceAll('_', ' ') }))}
          errors={errors}
        />
        <SelectField
          name="settings.provider"
          label={t.t('webinars.build.provider')}
          value={values['settings.provider'] ?? item?.settings.provider ?? 'external'}
          options={PROVIDERS.map((p) => ({ value: p, label: t.t(`webinars.provider.${p}`) }))}
          errors={errors}
        />
        <TextField
          name="settings.url"
          type="url"
          label={t.t('webinars.build.url')}
          hint={t.t('webinars.build.urlHint')}
          value={values['settings.url'] ?? item?.settings.url}
          errors={errors}
        />
      </>
    );
  },
  async copy(_db, _deps, from, _to, days) {
    return {
      ...from.settings,
      startsAt: shiftInstant(from.settings.startsAt, days) ?? from.settings.startsAt,
      endsAt: shiftInstant(from.settings.endsAt, days) ?? from.settings.endsAt,
    };
  },
  async homeBlock(_db, deps, items, viewer) {
    const now = deps.clock.now().toISOString();
    const next = items
      .flatMap((item) => {
        const session = readWebinarSettings(item.settings);
        return session && session.endsAt > now ? [{ item, session }] : [];
      })
      .sort((a, b) => a.session.startsAt.localeCompare(b.session.startsAt))
      .slice(0, NEXT_WEBINARS_SHOWN);
    if (next.length === 0) return null;
    const t = translator(viewer.locale);
    return (
      <section aria-labelledby="next-webinars-heading" class="card">
        <h2 id="next-webinars-heading">{t.t('webinars.home.next')}</h2>
        <ul>
          {next.map(({ item, session }) => (
            <li>
              <a href={`/spaces/${item.editionId}/items/${item.id}`}>
                {pickLocalized(item.title, viewer.locale).text}
              </a>{' '}
              — <Instant t={t} iso={session.startsAt} timeZone={viewer.timeZone} />
            </li>
          ))}
        </ul>
      </section>
    );
  },
});
