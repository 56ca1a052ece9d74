/**
 * The `debate` item kind of course spaces: a structured debate whose settings hold the motion, positions,
 * round deadlines and how teams form; teams, polls, contributions and the summary live in this module's
 * tables. The item's page shows the motion and the stage and leads to the debate's page (its forms).
 */
import { translator } from '../../../i18n/i18n.js';
import { timeZoneNames } from '../../../i18n/time-zones.js';
import { SelectField, TextArea, TextField } from '../../../web/components.js';
import { defineSpaceItemKind } from '../../spaces/space-item-kind.js';
import { shiftInstant, toLocalInput } from '../../spaces/spaces.js';
import { Moment } from '../views/forum-parts.js';
import { DEBATE_KIND, type DebateSettings, debateStage, ROUND_KINDS, TEAM_MODES } from './debate.js';
import { debateSettingsSchema, readDebateSettings } from './debate-settings.js';

export const debateKind = defineSpaceItemKind<DebateSettings>({
  kind: DEBATE_KIND,
  label: 'forums.kind.debate',
  completionRules: ['viewed', 'marked-done'],
  settings: debateSettingsSchema,
  async render(_db, deps, item, viewer) {
    const settings = readDebateSettings(item.settings);
    if (!settings) return null;
    const t = translator(viewer.locale);
    const stage = debateStage(settings, deps.clock.now().toISOString());
    return (
      <div class="debate-item">
        <p>
          <strong>{t.t('forums.debate.motion')}</strong> {settings.motion}
        </p>
        <p>
          {stage.stage === 'round' ? (
            <>
              {t.t(`forums.debate.round.${stage.round}`)} —{' '}
              <Moment t={t} iso={stage.deadline} timeZone={viewer.timeZone} />
            </>
          ) : (
            t.t('forums.debate.finished')
          )}
        </p>
        <p>
          <a class="button" href={`/debates/${item.id}`}>
            {t.t('forums.debate.open')}
          </a>
        </p>
      </div>
    );
  },
  settingsFields(item, { t, values, errors }) {
    const zone = values['settings.timeZone'] || values.timeZone || 'UTC';
    const deadline = (id: string) =>
      values[`settings.${id}`] ??
      toLocalInput(item?.settings.rounds?.find((r) => r.id === id)?.deadline ?? null, zone);
    return (
      <>
        <TextField
          name="settings.motion"
          label={t.t('forums.debate.build.motion')}
          value={values['settings.motion'] ?? item?.settings.motion}
          errors={errors}
          required
        />
        <TextArea
          name="settings.positions"
          label={t.t('forums.debate.build.positions')}
          hint={t.t('forums.debate.build.positionsHint')}
          value={values['settings.positions'] ?? item?.settings.positions?.map((p) => p.label).join('\n')}
          errors={errors}
          rows={3}
        />
        {ROUND_KINDS.map((id) => (
          <TextField
            name={`settings.${id}`}
            type="datetime-local"
            label={t.t(`forums.debate.build.deadline.${id}`)}
            value={deadline(id)}
            errors={errors}
            required
          />
        ))}
        <SelectField
          name="settings.timeZone"
          label={t.t('forums.debate.build.timeZone')}
          value={zone}
          options={timeZoneNames().map((z) => ({ value: z, label: z.replaceAll('_', ' ') }))}
          errors={errors}
        />
        <SelectField
          name="settings.teamMode"
          label={t.t('forums.debate.build.teamMode')}
          value={values['settings.teamMode'] ?? item?.settings.teamMode ?? 'assigned'}
          options={TEAM_MODES.map((m) => ({ value: m, label: t.t(`forums.debate.teamMode.${m}`) }))}
          errors={errors}
        />
        <TextField
          name="settings.teamCap"
          type="number"
          label={t.t('forums.debate.build.teamCap')}
          value={values['settings.teamCap'] ?? (item?.settings.teamCap ? String(item.settings.teamCap) : '')}
          errors={errors}
        />
      </>
    );
  },
  async copy(_db, _deps, from, _to, days) {
    return {
      ...from.settings,
      rounds: from.settings.rounds.map((r) => ({
        ...r,
        deadline: shiftInstant(r.deadline, days) ?? r.deadline,
      })),
    };
  },
});
