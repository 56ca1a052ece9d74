import type { Translator } from '../../../i18n/i18n.js';
import { Csrf, describedBy, Field } from '../../../web/components.js';
import type { FieldMessages } from '../../../web/page-context.js';
import type { ManagePage } from '../get-manage-page.js';

/** The similarity check's reference documents: the list (each removable) and the upload form. */
export function ReferenceDocuments({
  t,
  csrf,
  base,
  references,
  errors,
}: {
  t: Translator;
  csrf: string;
  base: string;
  references: ManagePage['references'];
  errors: FieldMessages;
}) {
  const hint = t.t('assignments.references.hint');
  return (
    <section aria-labelledby="references">
      <h3 id="references">{t.t('assignments.references.title')}</h3>
      {references.length === 0 ? <p>{t.t('assignments.references.none')}</p> : null}
      <ul>
        {references.map((r) => (
          <li>
            {r.title} ({r.type.toUpperCase()}, {Math.max(1, Math.round(r.sizeBytes / 1024))} KB){' '}
            <form method="post" action={`${base}/references/${r.id}/remove`} class="inline">
              <Csrf token={csrf} />
              <button type="submit" class="link">
                {t.t('assignments.references.remove', { title: r.title })}
              </button>
            </form>
          </li>
        ))}
      </ul>
      <form method="post" action={`${base}/references`} enctype="multipart/form-data" class="stacked">
        <Csrf token={csrf} />
        <Field name="reference" label={t.t('assignments.references.file')} errors={errors} hint={hint}>
          <input type="file" {...describedBy('reference', errors, hint)} name="file" accept=".pdf,.docx" />
        </Field>
        <button type="submit">{t.t('assignments.references.upload')}</button>
      </form>
    </section>
  );
}
