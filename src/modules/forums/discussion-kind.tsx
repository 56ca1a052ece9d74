/**
 * The `discussion` item kind of course spaces: a forum of the edition's space. The item's page shows its
 * threads and leads to the forum's pages; the forum (this module's tables) is made on first view.
 */
import { z } from 'zod';
import { translator } from '../../i18n/i18n.js';
import { pickLocalized } from '../../i18n/localized.js';
import { SelectField } from '../../web/components.js';
import { defineSpaceItemKind } from '../spaces/space-item-kind.js';
import { createForum } from './create-forum.js';
import { POSTING_RULES, type PostingRule, THREADS_ON_ITEM_PAGE } from './forum.js';
import { getForum } from './read-forums.js';
import { ThreadList } from './views/forum-parts.js';

export const DISCUSSION_KIND = 'discussion';

export interface DiscussionSettings {
  postingRule: PostingRule;
}

export const discussionSettingsSchema: z.ZodType<DiscussionSettings> = z.object({
  postingRule: z.enum(POSTING_RULES, 'validation.invalidChoice').optional().default('open'),
});

export const discussionKind = defineSpaceItemKind<DiscussionSettings>({
  kind: DISCUSSION_KIND,
  label: 'forums.kind.discussion',
  completionRules: ['viewed', 'marked-done'],
  settings: discussionSettingsSchema,
  async render(db, deps, item, viewer) {
    const forum = await createForum(db, deps, {
      editionId: item.editionId,
      scope: { kind: 'space', id: item.id },
      title: pickLocalized(item.title, viewer.locale).text || DISCUSSION_KIND,
      postingRule: item.settings?.postingRule ?? 'open',
    });
    const page = await getForum(db, deps, viewer.actor, forum.id, { perPage: THREADS_ON_ITEM_PAGE });
    const t = translator(viewer.locale);
    return (
      <section class="discussion">
        <p>
          <a class="button" href={`/forums/${forum.id}`}>
            {t.t('forums.kind.open')}
          </a>
        </p>
        <ThreadList t={t} threads={page.threads} timeZone={viewer.timeZone} source={page.threadsSource} />
      </section>
    );
  },
  settingsFields(item, { t, values, errors }) {
    return (
      <SelectField
        name="settings.postingRule"
        label={t.t('forums.build.postingRule')}
        value={values['settings.postingRule'] ?? item?.settings.postingRule ?? 'open'}
        options={POSTING_RULES.map((r) => ({ value: r, label: t.t(`forums.rule.${r}`) }))}
        errors={errors}
      />
    );
  },
});
