/**
 * The page: text a facilitator writes in Markdown, in one or more languages (the reader's, else another
 * visibly). Printable; done when viewed or when the participant marks it done (time on the page is not
 * tracked).
 */
import { z } from 'zod';
import { LOCALES } from '../../../i18n/i18n.js';
import { type LocalizedText, pickLocalized } from '../../../i18n/localized.js';
import { describedBy, Field } from '../../../web/components.js';
import { MarkdownBlock } from '../../../web/markdown.js';
import { offlinePageDocument } from '../offline/offline-document.js';
import { defineSpaceItemKind } from '../space-item-kind.js';

/** The longest page text per language. */
export const PAGE_BODY_MAX = 50_000;

const body = z.string().trim().max(PAGE_BODY_MAX, 'validation.tooLong').optional();
export const pageSettingsSchema = z.object({ body: z.object({ en: body, fr: body, es: body }).default({}) });
export type PageSettings = z.infer<typeof pageSettingsSchema>;

export const pageKind = defineSpaceItemKind<PageSettings>({
  kind: 'page',
  label: 'spaces.kind.page',
  completionRules: ['marked-done', 'viewed'],
  settings: pageSettingsSchema,
  async render(_db, _deps, item, viewer) {
    const picked = pickLocalized(item.settings.body as LocalizedText, viewer.locale);
    return picked.text ? <MarkdownBlock source={picked.text} lang={picked.lang} /> : null;
  },
  settingsFields(item, { t, values, errors }) {
    return (
      <fieldset>
        <legend>{t.t('spaces.page.body')}</legend>
        <p class="hint">{t.t('spaces.page.markdownHint')}</p>
        {LOCALES.map((locale) => {
          const name = `settings.body.${locale}`;
          return (
            <Field name={name} label={t.t(`spaces.language.${locale}`)} errors={errors}>
              <textarea {...describedBy(name, errors)} rows={12} maxLength={PAGE_BODY_MAX} lang={locale}>
                {values[name] ?? item?.settings.body[locale] ?? ''}
              </textarea>
            </Field>
          );
        })}
      </fieldset>
    );
  },
  // A standalone HTML document in the reader's language (another, marked, when the page lacks it).
  async offline(_db, _deps, item, t) {
    const picked = pickLocalized(item.settings.body as LocalizedText, t.locale);
    const title = pickLocalized(item.title, t.locale).text;
    const bytes = offlinePageDocument({
      lang: t.locale,
      title,
      body: picked.text,
      bodyLang: picked.lang,
      contentsLabel: t.t('spaces.offline.contents'),
    });
    return [{ name: `${title || item.id}.html`, bytes }];
  },
});
