import {
  CheckboxGroup,
  Csrf,
  ErrorSummary,
  LocalizedFields,
  SelectField,
  TextField,
} from '../../../web/components.js';
import { Layout } from '../../../web/layout.js';
import type { FieldMessages, PageContext } from '../../../web/page-context.js';
import { PLACE_MAX_LENGTH } from '../catalogue.schemas.js';
import { EDITION_STATUSES, MODES, TEACHING_LANGUAGES } from '../course.js';

export type EditionFormValues = Record<string, string | string[] | undefined>;

interface Props {
  ctx: PageContext;
  courseCode: string;
  courseTitle: string;
  /** Id of the edition being edited; absent when creating. */
  editionId?: string;
  values: EditionFormValues;
  errors?: FieldMessages;
  facilitators: { id: string; fullName: string }[];
}

const DATE_FIELDS = [
  ['selfPacedStart', 'selfPacedEnd', 'edition.phase.selfPaced'],
  ['liveStart', 'liveEnd', 'edition.phase.live'],
  ['residentialStart', 'residentialEnd', 'edition.phase.residential'],
] as const;

export function EditionFormPage({
  ctx,
  courseCode,
  courseTitle,
  editionId,
  values,
  errors = {},
  facilitators,
}: Props) {
  const { t } = ctx;
  const title = editionId
    ? t.t('edition.editTitle', { course: courseTitle })
    : t.t('edition.newTitle', { course: courseTitle });
  const text = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : undefined);
  const strings = Object.fromEntries(
    Object.entries(values).map(([k, v]) => [k, typeof v === 'string' ? v : undefined]),
  );
  const chosen =
    values.facilitatorIds === undefined
      ? []
      : Array.isArray(values.facilitatorIds)
        ? values.facilitatorIds
        : [values.facilitatorIds];
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={`/courses/${courseCode}`}>{t.t('edition.backToCourse', { code: courseCode })}</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary t={t} errors={errors} />
      <form
        method="post"
        action={
          editionId ? `/manage/editions/${editionId}/edit` : `/manage/courses/${courseCode}/editions/new`
        }
        class="stack"
        novalidate
      >
        <Csrf token={ctx.csrf} />
        <TextField
          name="code"
          label={t.t('edition.code')}
          hint={t.t('edition.codeHint')}
          value={text('code')}
          errors={errors}
          maxLength={16}
        />
        <SelectField
          name="language"
          label={t.t('edition.language')}
          value={text('language') ?? ctx.locale}
          options={TEACHING_LANGUAGES.map((l) => ({ value: l, label: t.t(`language.${l}`) }))}
          errors={errors}
        />
        <SelectField
          name="mode"
          label={t.t('edition.mode')}
          value={text('mode') ?? 'online'}
          options={MODES.map((m) => ({ value: m, label: t.t(`mode.${m}`) }))}
          errors={errors}
        />
        <LocalizedFields
          t={t}
          name="place"
          legend={t.t('edition.place')}
          hint={t.t('edition.placeHint')}
          values={strings}
          errors={errors}
          maxLength={PLACE_MAX_LENGTH}
        />
        {DATE_FIELDS.map(([start, end, legend]) => (
          <fieldset class="dates">
            <legend>{t.t(legend)}</legend>
            <TextField
              name={start}
              type="date"
              label={t.t('edition.startDate')}
              value={text(start)}
              errors={errors}
            />
            <TextField
              name={end}
              type="date"
              label={t.t('edition.endDate')}
              value={text(end)}
              errors={errors}
            />
          </fieldset>
        ))}
        <TextField
          name="assignmentDue"
          type="date"
          label={t.t('edition.phase.assignment')}
          value={text('assignmentDue')}
          errors={errors}
        />
        <TextField
          name="capacity"
          type="number"
          label={t.t('edition.capacity')}
          hint={t.t('edition.capacityHint')}
          value={text('capacity')}
          errors={errors}
          min={1}
        />
        <div class="field">
          <label class="check">
            <input
              type="checkbox"
              name="registrationOpen"
              value="on"
              checked={text('registrationOpen') === 'on'}
            />{' '}
            {t.t('edition.registrationOpen')}
          </label>
        </div>
        <TextField
          name="registrationDeadline"
          type="date"
          label={t.t('edition.deadline')}
          value={text('registrationDeadline')}
          errors={errors}
        />
        <TextField
          name="feeAmount"
          label={t.t('edition.feeAmount')}
          hint={t.t('edition.feeHint')}
          value={text('feeAmount')}
          errors={errors}
          maxLength={13}
        />
        <TextField
          name="feeCurrency"
          label={t.t('edition.feeCurrency')}
          value={text('feeCurrency')}
          errors={errors}
          maxLength={3}
        />
        <SelectField
          name="status"
          label={t.t('edition.status')}
          value={text('status') ?? 'scheduled'}
          options={EDITION_STATUSES.map((s) => ({ value: s, label: t.t(`edition.statusValue.${s}`) }))}
          errors={errors}
        />
        {facilitators.length ? (
          <CheckboxGroup
            name="facilitatorIds"
            legend={t.t('edition.facilitators')}
            options={facilitators.map((f) => ({ value: f.id, label: f.fullName }))}
            checked={chosen}
            errors={errors}
          />
        ) : null}
        <button type="submit">{t.t('form.save')}</button>
      </form>
    </Layout>
  );
}
