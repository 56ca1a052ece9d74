/**
 * The `group-task` item kind of course spaces: instructions (Markdown) and the group set whose groups work
 * on it (named as on the edition's Groups page). Each group's members open their group's work area from
 * the item; submitting records `submitted` for every member (or each marks it done, by the item's rule).
 */
import { translator } from '../../i18n/i18n.js';
import { TextArea, TextField } from '../../web/components.js';
import { MarkdownBlock } from '../../web/markdown.js';
import { defineSpaceItemKind } from '../spaces/space-item-kind.js';
import {
  GROUP_TASK_KIND,
  type GroupTaskSettings,
  groupTaskSettingsSchema,
  INSTRUCTIONS_MAX,
} from './group-task.js';

export const groupTaskKind = defineSpaceItemKind<GroupTaskSettings>({
  kind: GROUP_TASK_KIND,
  label: 'groups.task.kind',
  completionRules: ['submitted', 'marked-done'],
  settings: groupTaskSettingsSchema,
  async render(_db, _deps, item, viewer) {
    const t = translator(viewer.locale);
    return (
      <div class="group-task-item">
        {item.settings.instructions ? <MarkdownBlock source={item.settings.instructions} /> : null}
        <p>{t.t('groups.task.forSet', { name: item.settings.groupSet })}</p>
        <p>
          <a class="button" href={`/group-tasks/${item.id}`}>
            {t.t(viewer.can.seeEveryone ? 'groups.task.openAll' : 'groups.task.open')}
          </a>
        </p>
      </div>
    );
  },
  settingsFields(item, { t, values, errors }) {
    return (
      <>
        <TextField
          name="settings.groupSet"
          label={t.t('groups.task.groupSet')}
          hint={t.t('groups.task.groupSetHint')}
          required
          maxLength={120}
          value={values['settings.groupSet'] ?? item?.settings.groupSet ?? ''}
          errors={errors}
        />
        <TextArea
          name="settings.instructions"
          label={t.t('groups.task.instructions')}
          hint={t.t('groups.page.markdownHint')}
          rows={8}
          maxLength={INSTRUCTIONS_MAX}
          value={values['settings.instructions'] ?? item?.settings.instructions ?? ''}
          errors={errors}
        />
      </>
    );
  },
});
