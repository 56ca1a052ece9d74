/**
 * The index page of an offline pack: the course and edition, when the copy was made, and the space's
 * sections with every item — a link to its files in the pack, or its address online for what does not
 * travel (links, packages, webinars) and what is not open yet.
 */
import type { Translator } from '../../../i18n/i18n.js';
import type { PickedText } from '../../../i18n/localized.js';
import type { Edition } from '../../catalogue/course.js';
import { When } from '../views/space-parts.js';
import { offlineHtml } from './offline-document.js';

export interface PackItem {
  title: PickedText;
  kindLabel: string | null;
  required: boolean;
  dueAt: string | null;
  /** The reader's state (participants only). */
  state: 'done' | 'to-do' | 'locked' | null;
  /** Left out because the pack reached its size limit. */
  tooLarge: boolean;
  /** The item's files in the pack (names relative to the index). */
  files: string[];
  onlineUrl: string;
}

export interface PackSection {
  title: PickedText;
  items: PackItem[];
}

/** A text in the reader's language, marked with its own language when it falls back. */
function Picked({ text }: { text: PickedText }) {
  return text.isFallback ? <span lang={text.lang}>{text.text}</span> : text.text;
}

/** The index document (`index.html`) of a pack. */
export function offlineIndexDocument(input: {
  t: Translator;
  timeZone: string;
  course: PickedText;
  edition: Pick<Edition, 'code' | 'startsOn' | 'endsOn'>;
  spaceUrl: string;
  madeAt: string;
  sections: PackSection[];
}): Uint8Array {
  const { t, timeZone, edition } = input;
  const title = t.t('spaces.offline.title', { course: input.course.text });
  const empty = input.sections.every((s) => s.items.every((i) => i.files.length === 0));
  return offlineHtml(
    t.locale,
    title,
    <main>
      <h1>{title}</h1>
      <p class="meta">
        {edition.code ? `${edition.code} · ` : ''}
        {t.date(edition.startsOn)} – {t.date(edition.endsOn)}
      </p>
      <p>
        {t.t('spaces.offline.made')} <When t={t} iso={input.madeAt} timeZone={timeZone} />.{' '}
        {t.t('spaces.offline.frozen')} <a href={input.spaceUrl}>{input.spaceUrl}</a>
      </p>
      {empty ? <p>{t.t('spaces.offline.empty')}</p> : null}
      {input.sections.map((section) => (
        <section>
          <h2>
            <Picked text={section.title} />
          </h2>
          <ul>
            {section.items.map((item) => (
              <li>
                {item.files.length === 1 ? (
                  <a href={item.files[0]}>
                    <Picked text={item.title} />
                  </a>
                ) : (
                  <Picked text={item.title} />
                )}{' '}
                <small>
                  {[
                    item.kindLabel,
                    item.state ? t.t(`spaces.offline.state.${item.state}`) : null,
                    t.t(item.required ? 'spaces.state.required' : 'spaces.state.optional'),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                  {item.dueAt ? (
                    <>
                      {' · '}
                      {t.t('spaces.state.due')} <When t={t} iso={item.dueAt} timeZone={timeZone} />
                    </>
                  ) : null}
                </small>
                {item.files.length > 1 ? (
                  <ul>
                    {item.files.map((file) => (
                      <li>
                        <a href={file}>{file}</a>
                      </li>
                    ))}
                  </ul>
                ) : null}
                {item.files.length === 0 ? (
                  <>
                    <br />
                    <small>
                      {t.t(
                        item.tooLarge
                          ? 'spaces.offline.tooLarge'
                          : item.state === 'locked'
                            ? 'spaces.offline.notYet'
                            : 'spaces.offline.onlineOnly',
                      )}{' '}
                      <a href={item.onlineUrl}>{item.onlineUrl}</a>
                    </small>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </main>,
  );
}
