/** Small pieces shared by the space's pages: an item's state, a progress line, instants in the reader's zone. */
import { formattingLocale, type Translator } from '../../../i18n/i18n.js';
import { type LocalizedText, pickLocalized } from '../../../i18n/localized.js';
import { formatInZone } from '../../../i18n/time-zones.js';
import { BoundedMemo } from '../../../kernel/bounded-memo.js';
import type { ViewItem } from '../space-view.js';
import type { Tally } from '../spaces.js';

/** An instant in the reader's zone, with the zone named. */
export function When({ t, iso, timeZone }: { t: Translator; iso: string; timeZone: string }) {
  return (
    <time dateTime={iso}>
      {formatInZone(iso, formattingLocale(t.locale), timeZone)} ({timeZone.replaceAll('_', ' ')})
    </time>
  );
}

/** A localized text in the reader's language, marked with its language when it falls back. */
export function Text({ value, locale }: { value: LocalizedText; locale: string }) {
  const picked = pickLocalized(value, locale as 'en');
  return picked.isFallback ? <span lang={picked.lang}>{picked.text}</span> : picked.text;
}

/** "3 of 5 required items done" with a progress bar. */
export function ProgressLine({
  t,
  tally,
  percent,
  label,
}: {
  t: Translator;
  tally: Tally;
  percent: number;
  label: string;
}) {
  const required = tally.requiredTotal > 0;
  return (
    <p class="progress-line">
      <label>
        <span class="visually-hidden">{label}: </span>
        {progressText(
          t,
          required,
          required ? tally.requiredDone : tally.done,
          required ? tally.requiredTotal : tally.total,
        )}{' '}
        <progress max={100} value={percent}>
          {percent} %
        </progress>
      </label>
    </p>
  );
}

/** "3 of 5 required items done" by language and counts (an ICU plural: the same few on every page). */
function progressText(t: Translator, required: boolean, done: number, total: number): string {
  const key = required ? 'spaces.progress.required' : 'spaces.progress.all';
  return progressTexts.get(`${t.locale}|${key}|${done}|${total}`, () => t.t(key, { done, total }));
}

const progressTexts = new BoundedMemo<string>(5000);

/** An item's state for the reader: done, locked (why), or to do; required or optional. */
export function ItemState({
  t,
  item,
  timeZone,
  learner,
}: {
  t: Translator;
  item: ViewItem;
  timeZone: string;
  learner: boolean;
}) {
  return (
    <span class="item-state">
      {learner ? (
        item.complete ? (
          <strong class="done">{t.t('spaces.state.done')}</strong>
        ) : item.locked?.reason === 'date' ? (
          <span>
            {t.t('spaces.state.opensOn')} <When t={t} iso={item.locked.from} timeZone={timeZone} />
          </span>
        ) : item.locked ? (
          <span>{t.t('spaces.state.afterPrevious')}</span>
        ) : (
          <span>{t.t('spaces.state.toDo')}</span>
        )
      ) : null}
      {' · '}
      {t.t(item.required ? 'spaces.state.required' : 'spaces.state.optional')}
      {item.dueAt ? (
        <>
          {' · '}
          {t.t('spaces.state.due')} <When t={t} iso={item.dueAt} timeZone={timeZone} />
        </>
      ) : null}
    </span>
  );
}
