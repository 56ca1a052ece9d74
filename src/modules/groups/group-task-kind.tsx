/**
 * The `group-task` item kind of course spaces: instructions (Markdown) and the group set whose groups work
 * on it (chosen among the edition's sets, kept by id: renaming the set keeps the task). Each group's members
 * open their group's work area from the item; submitting records `submitted` for every member (or each marks
 * it done, by the item's rule).
 */
import { type Translator, translator } from '../../i18n/i18n.js';
import { SelectField, TextArea } from '../../web/components.js';
import { MarkdownBlock } from '../../web/markdown.js';
import { defineSpaceItemKind, type SettingsChoices } from '../spaces/space-item-kind.js';
import {
  GROUP_TASK_KIND,
  type GroupTaskSettings,
  groupTaskSettingsSchema,
  INSTRUCTIONS_MAX,
  setOfTask,
} from './group-task.js';
import { groupSetsOfEdition } from './groups.port.js';

/** Why a task has no set: its set was deleted, or (an older task) no set has the name it kept. */
export function noSetMessage(t: Translator, settings: GroupTaskSettings): string {
  return settings.groupSetId
    ? t.t('groups.task.setGone')
    : t.t('groups.task.noSet', { name: settings.groupSet ?? '' });
}

/** The set a saved task shows as chosen: its id, or (an older task) the set with the name it kept. */
function taskSetId(settings: GroupTaskSettings, choices: SettingsChoices): string {
  if (settings.groupSetId) return settings.groupSetId;
  return choices['settings.groupSetId']?.find((c) => c.label === settings.groupSet)?.value ?? '';
}

export const groupTaskKind = defineSpaceItemKind<GroupTaskSettings>({
  kind: GROUP_TASK_KIND,
  label: 'groups.task.kind',
  completionRules: ['submitted', 'marked-done'],
  settings: groupTaskSettingsSchema,
  // A later edition has sets of its own: the copy takes the one with the same name, else keeps the name
  // (read as an older task's until a set of that name is made there).
  async copy(db, _deps, from, to) {
    const name =
      setOfTask(await groupSetsOfEdition(db, from.editionId), from.settings)?.name ?? from.settings.groupSet;
    const there = (await groupSetsOfEdition(db, to.editionId)).find((s) => s.name === name);
    if (there) return { instructions: from.settings.instructions, groupSetId: there.id };
    return name
      ? { instructions: from.settings.instructions, groupSetId: undefined, groupSet: name }
      : from.settings;
  },
  async settingsChoices(db, _deps, editionId) {
    const sets = await groupSetsOfEdition(db, editionId);
    return { 'settings.groupSetId': sets.map((s) => ({ value: s.id, label: s.name })) };
  },
  async render(db, _deps, item, viewer) {
    const t = translator(viewer.locale);
    const set = setOfTask(await groupSetsOfEdition(db, item.editionId), item.settings);
    return (
      <div class="group-task-item">
        {item.settings.instructions ? <MarkdownBlock source={item.settings.instructions} /> : null}
        {set ? (
          <p>{t.t('groups.task.forSet', { name: set.name })}</p>
        ) : (
          <p class="notice">{noSetMessage(t, item.settings)}</p>
        )}
        <p>
          <a class="button" href={`/group-tasks/${item.id}`}>
            {t.t(viewer.can.seeEveryone ? 'groups.task.openAll' : 'groups.task.open')}
          </a>
        </p>
      </div>
    );
  },
  settingsFields(item, { t, values, errors, choices }) {
    return (
      <>
        {choices['settings.groupSetId']?.length ? (
          <SelectField
            name="settings.groupSetId"
            label={t.t('groups.task.groupSet')}
            hint={t.t('groups.task.groupSetHint')}
            empty={t.t('groups.task.chooseSet')}
            value={values['settings.groupSetId'] ?? (item ? taskSetId(item.settings, choices) : '')}
            options={choices['settings.groupSetId']}
            errors={errors}
          />
        ) : (
          <p class="notice">{t.t('groups.task.noSets')}</p>
        )}
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
