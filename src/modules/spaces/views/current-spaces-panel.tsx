import type { Translator } from '../../../i18n/i18n.js';
import type { CurrentSpace } from '../spaces.queries.js';
import { ProgressLine, Text } from './space-parts.js';

/** "Your course spaces": a person's current editions with their progress (the candidate dashboard shows it). */
export function CurrentSpacesPanel({ t, spaces }: { t: Translator; spaces: readonly CurrentSpace[] }) {
  if (spaces.length === 0) return null;
  return (
    <section aria-labelledby="current-spaces" class="card">
      <h2 id="current-spaces">{t.t('spaces.dashboard.title')}</h2>
      <ul class="space-items">
        {spaces.map((s) => (
          <li>
            <a href={`/spaces/${s.editionId}`}>
              <Text value={s.courseTitle} locale={t.locale} />
            </a>{' '}
            <small>
              ({t.date(s.startsOn)} – {t.date(s.endsOn)})
            </small>
            {s.progress ? (
              <ProgressLine
                t={t}
                tally={s.progress.tally}
                percent={s.progress.percent}
                label={t.t('spaces.home.progress')}
              />
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
