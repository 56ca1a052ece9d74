import type { Translator } from '../../../i18n/i18n.js';
import { Csrf, describedBy, ErrorSummary, Field, SelectField, TextField } from '../../../web/components.js';
import type { FieldMessages } from '../../../web/page-context.js';
import type { BankComment } from '../rubrics/get-comment-bank.js';

const shortText = (text: string) => (text.length > 80 ? `${text.slice(0, 77)}…` : text);

/** Under a criterion's comment: choose a bank comment and add it (a submit button: works without JS). */
export function BankInsert({
  t,
  bank,
  criterionId,
  action,
}: {
  t: Translator;
  bank: BankComment[];
  criterionId: string;
  action: string;
}) {
  if (bank.length === 0) return null;
  const id = `field-bank.${criterionId}`;
  return (
    <div class="field bank-insert">
      <label for={id}>{t.t('marking.bank.choose')}</label>
      <select id={id} name={`bank.${criterionId}`}>
        {bank.map((b) => (
          <option value={b.id}>{shortText(b.text)}</option>
        ))}
      </select>{' '}
      <button type="submit" name="insertComment" value={criterionId} formaction={action} formnovalidate>
        {t.t('marking.bank.insert')}
      </button>
    </div>
  );
}

/** The marker's comment bank on "My marking": the comments, each removable, and a form to add one. */
export function CommentBankSection({
  t,
  csrf,
  comments,
  rubrics,
  values = {},
  errors = {},
}: {
  t: Translator;
  csrf: string;
  comments: BankComment[];
  rubrics: { id: string; title: string }[];
  values?: Record<string, string>;
  errors?: FieldMessages;
}) {
  return (
    <section id="comment-bank">
      <h2>{t.t('marking.bank.title')}</h2>
      <p class="hint">{t.t('marking.bank.hint')}</p>
      {comments.length === 0 ? <p>{t.t('marking.bank.none')}</p> : null}
      <ul>
        {comments.map((c) => (
          <li>
            {c.text} <small>({c.rubricTitle ?? t.t('marking.bank.anyRubric')})</small>
            <form method="post" action={`/marking/comments/${c.id}/remove`} class="inline">
              <Csrf token={csrf} />
              <button type="submit">{t.t('marking.bank.remove')}</button>
            </form>
          </li>
        ))}
      </ul>
      <ErrorSummary t={t} errors={errors} />
      <form method="post" action="/marking/comments" class="stacked">
        <Csrf token={csrf} />
        <TextField
          name="text"
          label={t.t('marking.bank.text')}
          value={values.text}
          errors={errors}
          maxLength={5000}
        />
        <SelectField
          name="rubricId"
          label={t.t('marking.bank.rubric')}
          value={values.rubricId ?? ''}
          empty={t.t('marking.bank.anyRubric')}
          options={rubrics.map((r) => ({ value: r.id, label: r.title }))}
          errors={errors}
        />
        <button type="submit">{t.t('marking.bank.add')}</button>
      </form>
    </section>
  );
}

/** The submission's feedback files (released with the mark) and, while allowed, a form to add one. */
export function FeedbackFilesSection({
  t,
  csrf,
  files,
  action,
  canAdd,
  errors = {},
}: {
  t: Translator;
  csrf: string;
  files: { id: string; name: string }[];
  action: string;
  canAdd: boolean;
  errors?: FieldMessages;
}) {
  if (!canAdd && files.length === 0) return null;
  return (
    <section id="feedback-files">
      <h2>{t.t('marking.files.title')}</h2>
      <p class="hint">{t.t('marking.files.hint')}</p>
      <ul>
        {files.map((f) => (
          <li>
            <a href={`/marking/feedback-files/${f.id}`} download>
              {f.name}
            </a>
          </li>
        ))}
      </ul>
      {canAdd ? (
        <form method="post" action={action} enctype="multipart/form-data" class="stacked">
          <Csrf token={csrf} />
          <Field name="file" label={t.t('marking.files.file')} errors={errors}>
            <input type="file" {...describedBy('file', errors)} accept=".pdf,.docx" />
          </Field>
          <button type="submit">{t.t('marking.files.add')}</button>
        </form>
      ) : null}
    </section>
  );
}
