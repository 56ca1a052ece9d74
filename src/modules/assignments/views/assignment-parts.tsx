import type { Translator } from '../../../i18n/i18n.js';
import { formatInZone } from '../../../i18n/time-zones.js';
import type { ReleasedMarking } from '../../marking/marking.queries.js';
import { type Criterion, criterionTitle } from '../../marking/rubrics/rubric.js';

/** An instant in the reader's time zone (or "not set"). */
export function Moment({ t, iso, timeZone }: { t: Translator; iso: string | null; timeZone: string }) {
  if (!iso) return <>{t.t('assignments.dates.none')}</>;
  return <time datetime={iso}>{formatInZone(iso, t.locale === 'en' ? 'en-GB' : t.locale, timeZone)}</time>;
}

/** The rubric participants see before submitting, and markers mark with. */
export function RubricTable({ t, criteria }: { t: Translator; criteria: readonly Criterion[] }) {
  return (
    <table class="rubric">
      <caption>{t.t('assignments.rubric.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t.t('assignments.rubric.criterion')}</th>
          <th scope="col">{t.t('assignments.rubric.weight')}</th>
          <th scope="col">{t.t('assignments.rubric.levels')}</th>
        </tr>
      </thead>
      <tbody>
        {criteria.map((c) => (
          <tr>
            <th scope="row">{criterionTitle(c, t.locale)}</th>
            <td>{c.weight}</td>
            <td>
              {c.levels.length
                ? c.levels
                    .map((l) => t.t('assignments.rubric.level', { label: l.label, points: l.points }))
                    .join(' · ')
                : t.t('assignments.rubric.upTo', { points: c.maxPoints })}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A released mark and its feedback (nothing at all before release). */
export function ReleasedFeedback({ t, marking }: { t: Translator; marking: ReleasedMarking | null }) {
  const released = marking?.released;
  if (!released) return <p>{t.t('assignments.attempt.notReleased')}</p>;
  return (
    <section class="feedback">
      <h3>{t.t('assignments.feedback.title')}</h3>
      <p>
        <strong>{t.t('assignments.feedback.mark', { mark: released.markText })}</strong>{' '}
        {released.passed ? t.t('assignments.feedback.passed') : t.t('assignments.feedback.failed')}
      </p>
      {released.penalty > 0 ? (
        <p class="late-penalty">
          {t.t('assignments.feedback.latePenalty', {
            before: released.markBeforePenaltyText,
            penalty: released.penaltyText,
          })}
        </p>
      ) : null}
      {released.overall ? <p class="overall">{released.overall}</p> : null}
      {released.files.length ? (
        <ul class="feedback-files">
          {released.files.map((f) => (
            <li>
              <a href={`/marking/feedback-files/${f.id}`} download>
                {t.t('assignments.feedback.file', { name: f.name })}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {released.criteria.length ? (
        // Tables scroll sideways on narrow screens: focusable, so a keyboard can scroll this one too.
        <table tabindex={0}>
          <caption>{t.t('assignments.feedback.byCriterion')}</caption>
          <thead>
            <tr>
              <th scope="col">{t.t('assignments.rubric.criterion')}</th>
              <th scope="col">{t.t('assignments.feedback.points')}</th>
              <th scope="col">{t.t('assignments.feedback.comment')}</th>
            </tr>
          </thead>
          <tbody>
            {released.criteria.map((c) => (
              <tr>
                <th scope="row">{criterionTitle(c, t.locale)}</th>
                <td>{t.t('assignments.feedback.pointsOf', { points: c.points, max: c.maxPoints })}</td>
                <td>{c.comment}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
