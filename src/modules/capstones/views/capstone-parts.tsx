/** Pieces shared by the capstone pages: the proposal form, what the pathway says, states, countries. */
import { countryName, countryOptions } from '../../../i18n/countries.js';
import type { Translator } from '../../../i18n/i18n.js';
import { Csrf, ErrorSummary, SelectField, TextArea, TextField } from '../../../web/components.js';
import type { FieldMessages, PageContext } from '../../../web/page-context.js';
import { CAPSTONE_LANGUAGES, type CapstoneState, type Proposal } from '../capstone.js';
import { APPROACH_MAX, QUESTION_MAX, TITLE_MAX } from '../capstones.schemas.js';
import type { StandingView } from '../get-capstone-page.js';

export function StateTag({ t, state }: { t: Translator; state: CapstoneState }) {
  return <span class={`tag tag-${state}`}>{t.t(`capstones.state.${state}`)}</span>;
}

export const country = (t: Translator, code: string) => `${countryName(code, t.locale)} (${code})`;

/** A reason of the pathway's explanation, in the reader's language (lists joined). */
function reasonText(t: Translator, reason: StandingView['reasons'][number]): string {
  const values: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(reason.params))
    values[key] = Array.isArray(value)
      ? value.join(', ')
      : /^\d{4}-\d{2}-\d{2}$/.test(String(value))
        ? t.date(String(value), 'long')
        : value;
  return t.t(`pathway.why.${reason.code}`, values);
}

/** Unlocked, or what is still missing (from the pathway's evaluation). */
export function StandingBox({ t, standing }: { t: Translator; standing: StandingView }) {
  return standing.unlocked ? (
    <p class="notice notice-success">
      {t.t('capstones.home.unlocked')}
      {standing.deadline
        ? ` ${t.t('capstones.home.deadline', { date: t.date(standing.deadline, 'long') })}`
        : ''}
    </p>
  ) : (
    <section class="notice" aria-labelledby="missing-heading">
      <h2 id="missing-heading">{t.t('capstones.home.locked')}</h2>
      <p>{t.t('capstones.home.lockedHint')}</p>
      <ul>
        {standing.reasons.map((reason) => (
          <li>{reasonText(t, reason)}</li>
        ))}
      </ul>
    </section>
  );
}

/** The proposal form (a draft is saved; submitting is a separate button once unlocked). */
export function ProposalForm({
  ctx,
  action,
  proposal,
  courses,
  errors = {},
}: {
  ctx: PageContext;
  action: string;
  proposal: Partial<Proposal> | null;
  courses: string[];
  errors?: FieldMessages;
}) {
  const { t } = ctx;
  const approach = (code: string) => proposal?.approaches?.find((a) => a.course === code)?.text ?? '';
  return (
    <form method="post" action={action} class="stack">
      <Csrf token={ctx.csrf} />
      <ErrorSummary t={t} errors={errors} />
      <TextField
        name="title"
        label={t.t('capstones.field.title')}
        value={proposal?.title}
        errors={errors}
        maxLength={TITLE_MAX}
        required
      />
      <SelectField
        name="country"
        label={t.t('capstones.field.country')}
        value={proposal?.country}
        options={countryOptions(ctx.locale)}
        errors={errors}
        empty={t.t('capstones.field.chooseCountry')}
      />
      <TextArea
        name="policyQuestion"
        label={t.t('capstones.field.policyQuestion')}
        value={proposal?.policyQuestion}
        errors={errors}
        maxLength={QUESTION_MAX}
      />
      <TextArea
        name="themes"
        label={t.t('capstones.field.themes')}
        hint={t.t('capstones.field.themesHint')}
        value={proposal?.themes?.join('\n')}
        errors={errors}
        rows={3}
      />
      <fieldset>
        <legend>{t.t('capstones.field.approaches')}</legend>
        <p class="hint">{t.t('capstones.field.approachesHint')}</p>
        {courses.length === 0 ? <p>{t.t('capstones.field.noCourses')}</p> : null}
        {courses.map((code) => (
          <TextArea
            name={`approach.${code}`}
            label={t.t('capstones.field.approachOf', { course: code })}
            value={approach(code)}
            errors={errors}
            maxLength={APPROACH_MAX}
            rows={3}
          />
        ))}
      </fieldset>
      <SelectField
        name="language"
        label={t.t('capstones.field.language')}
        value={proposal?.language ?? ctx.locale}
        options={CAPSTONE_LANGUAGES.map((l) => ({ value: l, label: t.t(`capstones.language.${l}`) }))}
        errors={errors}
      />
      <fieldset>
        <legend>{t.t('capstones.field.timeline')}</legend>
        <TextField
          type="date"
          name="outlineDue"
          label={t.t('capstones.milestone.outline')}
          value={proposal?.timeline?.outline}
          errors={errors}
        />
        <TextField
          type="date"
          name="draftDue"
          label={t.t('capstones.milestone.draft')}
          value={proposal?.timeline?.draft}
          errors={errors}
        />
        <TextField
          type="date"
          name="finalDue"
          label={t.t('capstones.milestone.final')}
          value={proposal?.timeline?.final}
          errors={errors}
        />
      </fieldset>
      <button type="submit">{t.t('capstones.action.saveDraft')}</button>
    </form>
  );
}
