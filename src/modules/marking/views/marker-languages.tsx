import type { Translator } from '../../../i18n/i18n.js';
import { TEACHING_LANGUAGES } from '../../../i18n/languages.js';
import { Csrf } from '../../../web/components.js';
import type { FieldMessages } from '../../../web/page-context.js';
import type { AllocationOutcome } from '../allocation/allocate-markers.js';

/** "Languages I mark in" on a marker's own page: allocation by language gives them work in these only. */
export function MarkerLanguagesSection({
  t,
  csrf,
  declared,
  errors = {},
}: {
  t: Translator;
  csrf: string;
  declared: readonly string[];
  errors?: FieldMessages;
}) {
  return (
    <section aria-labelledby="marker-languages">
      <h2 id="marker-languages">{t.t('marking.languages.title')}</h2>
      <p class="hint">{t.t('marking.languages.hint')}</p>
      <form method="post" action="/marking/languages">
        <Csrf token={csrf} />
        <fieldset class={errors.languages ? 'field has-error' : undefined}>
          <legend>{t.t('marking.languages.legend')}</legend>
          {errors.languages ? (
            <p class="error" id="error-languages">
              {errors.languages}
            </p>
          ) : null}
          {TEACHING_LANGUAGES.map((l, i) => (
            <label>
              <input
                type="checkbox"
                name="languages"
                value={l}
                id={i === 0 ? 'field-languages' : undefined}
                checked={declared.includes(l)}
              />{' '}
              {t.t(`language.${l}`)}
            </label>
          ))}
        </fieldset>
        <button type="submit">{t.t('marking.languages.save')}</button>
      </form>
    </section>
  );
}

/** A language label, or "not said". */
export const languageLabel = (t: Translator, language: string | null) =>
  language ? t.t(`language.${language}`) : t.t('marking.languages.notSaid');

/** What an allocation did: how many it allocated and each submission it could not place, by number. */
export function AllocationReport({ t, outcome }: { t: Translator; outcome: AllocationOutcome }) {
  return (
    <section class="notice" role="status" aria-labelledby="allocation-report">
      <h2 id="allocation-report">{t.t('marking.allocation.done', { count: outcome.allocated })}</h2>
      {outcome.refused.length ? (
        <>
          <p>{t.t('marking.allocation.refused', { count: outcome.refused.length })}</p>
          <ul>
            {outcome.refused.map((r) => (
              <li>
                {r.participant} ({languageLabel(t, r.language)}):{' '}
                {t.t(`marking.allocation.reason.${r.reason}`, { language: languageLabel(t, r.language) })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
