import { LOCALES } from '../../../i18n/i18n.js';
import { Csrf, describedBy, ErrorSummary, Field, SelectField, TextField } from '../../../web/components.js';
import { Layout } from '../../../web/layout.js';
import type { FieldMessages, PageContext } from '../../../web/page-context.js';
import { toLocalInput } from '../../spaces/spaces.js';
import { FILE_TYPES, MAX_FILES_LIMIT, RESUBMISSION_POLICIES } from '../assignment.js';
import { INSTRUCTIONS_MAX } from '../assignments.schemas.js';
import { LATE_PENALTY_KINDS } from '../late-penalty.js';
import type { AssignmentSettings } from '../submission-state.js';

export interface AssignmentFormModel {
  action: string;
  settings: AssignmentSettings | null;
  rubrics: { id: string; title: string }[];
  /** The edition's group sets (groups port), for group work. */
  groupSets: { id: string; name: string }[];
  timeZone: string;
}

const pct = (hundredths: number) => String(hundredths / 100);

/** The form that creates or edits an assignment (staff): instructions, what is accepted, dates, marking. */
export function AssignmentFormPage({
  ctx,
  model,
  values = {},
  errors = {},
}: {
  ctx: PageContext;
  model: AssignmentFormModel;
  values?: Record<string, string | string[]>;
  errors?: FieldMessages;
}) {
  const { t } = ctx;
  const s = model.settings;
  const v = (name: string, fallback: string) => {
    const typed = values[name];
    return typeof typed === 'string' ? typed : fallback;
  };
  const checked = (name: string, fallback: boolean) =>
    Object.keys(values).length ? values[name] === 'on' : fallback;
  const moment = (name: 'opensAt' | 'dueAt' | 'cutoffAt' | 'markingDueAt') =>
    v(
      name,
      toLocalInput(
        name === 'markingDueAt' ? (s?.markingDueAt ?? null) : (s?.defaults[name] ?? null),
        model.timeZone,
      ),
    );
  const types = values.fileTypes ? ([] as string[]).concat(values.fileTypes) : (s?.fileTypes ?? ['pdf']);
  const title = s ? t.t('assignments.form.editTitle') : t.t('assignments.form.newTitle');
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <ErrorSummary t={t} errors={errors} />
      <form method="post" action={model.action}>
        <Csrf token={ctx.csrf} />
        <input type="hidden" name="timeZone" value={model.timeZone} />
        <TextField
          name="title"
          label={t.t('assignments.form.title')}
          value={v('title', s?.title ?? '')}
          errors={errors}
          required
          maxLength={200}
        />
        <fieldset>
          <legend>{t.t('assignments.form.instructions')}</legend>
          <p class="hint">{t.t('assignments.form.markdownHint')}</p>
          {LOCALES.map((locale) => {
            const name = `instructions.${locale}`;
            return (
              <Field name={name} label={t.t(`assignments.language.${locale}`)} errors={errors}>
                <textarea {...describedBy(name, errors)} rows={8} maxLength={INSTRUCTIONS_MAX} lang={locale}>
                  {v(name, s?.instructions[locale] ?? '')}
                </textarea>
              </Field>
            );
          })}
        </fieldset>
        <fieldset>
          <legend>{t.t('assignments.form.accepts')}</legend>
          {errors.acceptsText ? (
            <p class="error" id="error-acceptsText">
              {errors.acceptsText}
            </p>
          ) : null}
          <label>
            <input
              type="checkbox"
              id="field-acceptsText"
              name="acceptsText"
              checked={checked('acceptsText', s?.acceptsText ?? true)}
            />{' '}
            {t.t('assignments.form.acceptsText')}
          </label>
          <label>
            <input
              type="checkbox"
              name="acceptsFiles"
              checked={checked('acceptsFiles', s?.acceptsFiles ?? true)}
            />{' '}
            {t.t('assignments.form.acceptsFiles')}
          </label>
          {errors.fileTypes ? (
            <p class="error" id="error-fileTypes">
              {errors.fileTypes}
            </p>
          ) : null}
          {FILE_TYPES.map((type) => (
            <label>
              <input
                type="checkbox"
                id={`field-fileTypes-${type}`}
                name="fileTypes"
                value={type}
                checked={types.includes(type)}
              />{' '}
              {t.t(`assignments.fileType.${type}`)}
            </label>
          ))}
          <TextField
            name="maxFiles"
            type="number"
            min={1}
            max={MAX_FILES_LIMIT}
            label={t.t('assignments.form.maxFiles')}
            value={v('maxFiles', String(s?.maxFiles ?? 1))}
            errors={errors}
          />
          <TextField
            name="maxFileMb"
            type="number"
            min={1}
            max={20}
            label={t.t('assignments.form.maxFileMb')}
            value={v('maxFileMb', String(Math.round((s?.maxFileBytes ?? 10485760) / 1048576)))}
            errors={errors}
          />
        </fieldset>
        <fieldset>
          <legend>{t.t('assignments.form.dates', { zone: model.timeZone })}</legend>
          {(['opensAt', 'dueAt', 'cutoffAt', 'markingDueAt'] as const).map((name) => (
            <TextField
              name={name}
              type="datetime-local"
              label={t.t(`assignments.dates.${name}`)}
              value={moment(name)}
              errors={errors}
            />
          ))}
        </fieldset>
        <fieldset>
          <legend>{t.t('assignments.form.resubmission')}</legend>
          <SelectField
            name="resubmission"
            label={t.t('assignments.form.resubmissionPolicy')}
            value={v('resubmission', s?.resubmission ?? 'none')}
            options={RESUBMISSION_POLICIES.map((p) => ({
              value: p,
              label: t.t(`assignments.resubmission.${p}`),
            }))}
            errors={errors}
          />
          <TextField
            name="maxAttempts"
            type="number"
            min={1}
            max={20}
            label={t.t('assignments.form.maxAttempts')}
            value={v('maxAttempts', s?.maxAttempts ? String(s.maxAttempts) : '')}
            errors={errors}
          />
        </fieldset>
        <fieldset>
          <legend>{t.t('assignments.form.marking')}</legend>
          <SelectField
            name="rubricId"
            label={t.t('assignments.form.rubric')}
            value={v('rubricId', s?.rubricId ?? '')}
            empty={t.t('assignments.form.noRubric')}
            options={model.rubrics.map((r) => ({ value: r.id, label: r.title }))}
            errors={errors}
          />
          <fieldset>
            <legend>{t.t('assignments.form.groupWork')}</legend>
            {errors.groupWork ? (
              <p class="error" id="error-groupWork">
                {errors.groupWork}
              </p>
            ) : null}
            <label>
              <input
                type="checkbox"
                name="groupWork"
                id="field-groupWork"
                checked={checked('groupWork', s?.groupWork ?? false)}
              />{' '}
              {t.t('assignments.form.groupWork')}
            </label>
            <SelectField
              name="groupSetId"
              label={t.t('assignments.form.groupSet')}
              value={v('groupSetId', s?.groupSetId ?? '')}
              empty={t.t('assignments.form.noGroupSet')}
              options={model.groupSets.map((g) => ({ value: g.id, label: g.name }))}
              errors={errors}
            />
            <label>
              <input
                type="checkbox"
                name="peerAdjustment"
                checked={checked('peerAdjustment', s?.peerAdjustment ?? false)}
              />{' '}
              {t.t('assignments.form.peerAdjustment')}
            </label>
          </fieldset>
          <label>
            <input
              type="checkbox"
              name="secondMarking"
              checked={checked('secondMarking', s?.secondMarking ?? false)}
            />{' '}
            {t.t('assignments.form.secondMarking')}
          </label>
          <TextField
            name="discrepancy"
            label={t.t('assignments.form.discrepancy')}
            value={v('discrepancy', pct(s?.discrepancy ?? 1000))}
            errors={errors}
          />
          <TextField
            name="passMark"
            label={t.t('assignments.form.passMark')}
            value={v('passMark', pct(s?.passMark ?? 5000))}
            errors={errors}
          />
        </fieldset>
        <fieldset>
          <legend>{t.t('assignments.latePenalty.legend')}</legend>
          <SelectField
            name="latePenaltyKind"
            label={t.t('assignments.latePenalty.kind')}
            value={v('latePenaltyKind', s?.latePenalty.kind ?? 'none')}
            options={LATE_PENALTY_KINDS.map((kind) => ({
              value: kind,
              label: t.t(`assignments.latePenalty.kinds.${kind}`),
            }))}
            errors={errors}
          />
          <TextField
            name="latePenaltyAmount"
            label={t.t('assignments.latePenalty.amount')}
            value={v('latePenaltyAmount', s?.latePenalty.amount ? pct(s.latePenalty.amount) : '')}
            errors={errors}
          />
          <TextField
            name="latePenaltyCap"
            label={t.t('assignments.latePenalty.cap')}
            value={v('latePenaltyCap', s?.latePenalty.cap ? pct(s.latePenalty.cap) : '')}
            errors={errors}
          />
        </fieldset>
        <button type="submit">{t.t('assignments.form.save')}</button>
      </form>
    </Layout>
  );
}
