/** The link: a page elsewhere (a report, a video, a tool), opened in the same tab; done when opened. */
import { z } from 'zod';
import { pickLocalized } from '../../../i18n/localized.js';
import { TextField } from '../../../web/components.js';
import { defineSpaceItemKind } from '../space-item-kind.js';

export const linkSettingsSchema = z.object({
  url: z
    .string()
    .trim()
    .max(2000, 'validation.tooLong')
    .url('spaces.error.invalidUrl')
    .refine((v) => /^https?:\/\//i.test(v), 'spaces.error.invalidUrl'),
});
export type LinkSettings = z.infer<typeof linkSettingsSchema>;

export const linkKind = defineSpaceItemKind<LinkSettings>({
  kind: 'link',
  label: 'spaces.kind.link',
  completionRules: ['viewed', 'marked-done'],
  settings: linkSettingsSchema,
  async render(_db, _deps, item, viewer) {
    const title = pickLocalized(item.title, viewer.locale).text;
    return (
      <p>
        <a href={item.settings.url} rel="noopener noreferrer external" class="button">
          {title}
        </a>{' '}
        <small>({new URL(item.settings.url).host})</small>
      </p>
    );
  },
  settingsFields(item, { t, values, errors }) {
    return (
      <TextField
        name="settings.url"
        label={t.t('spaces.link.url')}
        type="url"
        required
        value={values['settings.url'] ?? item?.settings.url}
        errors={errors}
      />
    );
  },
});
