/** A case item's body on its page: context, released news, questions, the reader's answer and feedback, debrief. */
import type { Translator } from '../../../i18n/i18n.js';
import { type LocalizedText, pickLocalized } from '../../../i18n/localized.js';
import { MarkdownBlock } from '../../../web/markdown.js';
import { Moment } from '../../../web/moment.js';
import type { CaseView } from '../get-case.js';

function Text({ t, text }: { t: Translator; text: LocalizedText }) {
  const picked = pickLocalized(text, t.locale);
  return picked.text ? (
    <MarkdownBlock source={picked.text} lang={picked.isFallback ? picked.lang : undefined} />
  ) : null;
}

export function CaseBody({ t, view, timeZone }: { t: Translator; view: CaseView; timeZone: string }) {
  const base = `/cases/${view.item.id}`;
  return (
    <div class="case-study">
      {view.can.manage ? (
        <p>
          <a class="button secondary" href={`${base}/manage`}>
            {t.t('cases.item.manage')}
          </a>
        </p>
      ) : null}
      <section aria-labelledby="context-heading">
        <h2 id="context-heading">{t.t('cases.item.context')}</h2>
        <Text t={t} text={view.context} />
        {view.documents.length ? (
          <ul class="case-documents">
            {view.documents.map((d) => (
              <li>
                <a href={`${base}/documents/${d.id}`} download>
                  {d.title}
                </a>{' '}
                <small>({d.fileName})</small>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      {view.news.length ? (
        <section aria-labelledby="news-heading">
          <h2 id="news-heading">{t.t('cases.item.news')}</h2>
          {view.news.map((n) => (
            <article class="card">
              <h3>{pickLocalized(n.title, t.locale).text}</h3>
              <p class="hint">
                {t.t(n.released ? 'cases.item.releasedOn' : 'cases.item.scheduledFor')}{' '}
                <Moment t={t} iso={n.releaseAt} timeZone={timeZone} />
              </p>
              <Text t={t} text={n.body} />
            </article>
          ))}
        </section>
      ) : null}
      <section aria-labelledby="questions-heading">
        <h2 id="questions-heading">{t.t('cases.item.questions')}</h2>
        <Text t={t} text={view.questions} />
        {view.deadlineAt ? (
          <p>
            {t.t('cases.item.deadline')} <Moment t={t} iso={view.deadlineAt} timeZone={timeZone} />
          </p>
        ) : null}
      </section>
      {view.can.answer ? (
        <section aria-labelledby="answer-heading">
          <h2 id="answer-heading">
            {view.answerMode === 'group'
              ? t.t('cases.item.groupAnswer', { group: view.myGroup ?? '—' })
              : t.t('cases.item.yourAnswer')}
          </h2>
          {view.mine ? <MarkdownBlock source={view.mine.body} /> : <p>{t.t('cases.item.noAnswer')}</p>}
          {view.open ? (
            <p>
              <a class="button" href={`${base}/answer`}>
                {t.t(view.mine ? 'cases.item.editAnswer' : 'cases.item.writeAnswer')}
              </a>
            </p>
          ) : (
            <p>{t.t('cases.item.closed')}</p>
          )}
          {view.mine?.feedback ? (
            <div class="card">
              <h3>{t.t('cases.item.feedback')}</h3>
              <MarkdownBlock source={view.mine.feedback} />
            </div>
          ) : null}
        </section>
      ) : null}
      {view.debrief ? (
        <section aria-labelledby="case-debrief-heading">
          <h2 id="case-debrief-heading">{t.t('cases.item.debrief')}</h2>
          <Text t={t} text={view.debrief} />
        </section>
      ) : null}
    </div>
  );
}
