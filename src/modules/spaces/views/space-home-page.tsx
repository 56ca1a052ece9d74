import { renderToString } from 'preact-render-to-string';
import { Csrf } from '../../../web/components.js';
import { Layout } from '../../../web/layout.js';
import type { PageContext } from '../../../web/page-context.js';
import { KeptHtml } from '../../../web/render.js';
import { renderedOnce, renderedOnceWithToken } from '../../../web/rendered-once.js';
import type { KeptSpaceHome, SpaceHome } from '../get-space-home.js';
import type { ViewItem } from '../space-view.js';
import { ItemState, ProgressLine, Text, When } from './space-parts.js';

/**
 * The space's home: the phase now, the next item, what is due, progress per phase and section, the contents.
 * Everything but the kinds' blocks (made per request) is the same for every reader in the same state
 * (`KeptSpaceHome`): rendered once per language on the kept home, the CSRF token of the time-zone form put
 * back per request.
 */
export function SpaceHomePage({ ctx, home }: { ctx: PageContext; home: SpaceHome }) {
  const head = renderedOnceWithToken(home.kept, `head|${ctx.locale}`, ctx.csrf, (token) =>
    renderToString(<HomeHead ctx={{ ...ctx, csrf: token }} home={home.kept} />),
  );
  const tail = renderedOnce(home.kept, `tail|${ctx.locale}`, () =>
    renderToString(<HomeTail ctx={ctx} home={home.kept} />),
  );
  return (
    <Layout ctx={ctx} title={ctx.t.t('spaces.home.title')}>
      <KeptHtml html={head} />
      {home.blocks}
      <KeptHtml html={tail} />
    </Layout>
  );
}

/** The home above the kinds' blocks: where the edition stands, the staff's links, "what to do now". */
function HomeHead({ ctx, home }: { ctx: PageContext; home: KeptSpaceHome }) {
  const { t } = ctx;
  const learner = home.can.learn;
  const base = `/spaces/${home.edition.id}`;
  const course = <Text value={home.edition.courseTitle} locale={ctx.locale} />;
  return (
    <>
      <p class="breadcrumb">
        <a href={`/editions/${home.edition.id}`}>{course}</a>
      </p>
      <h1>{t.t('spaces.home.title')}</h1>
      <p>
        {t.t(`spaces.phase.now.${home.phaseNow}`)}{' '}
        <small>
          ({t.date(home.edition.startsOn)} – {t.date(home.edition.endsOn)})
        </small>
      </p>
      {home.can.build || home.can.seeEveryone ? (
        <p class="actions">
          {home.can.build ? (
            <a class="button" href={`${base}/build`}>
              {t.t('spaces.build.open')}
            </a>
          ) : null}{' '}
          {home.can.seeEveryone ? (
            <a class="button secondary" href={`${base}/progress`}>
              {t.t('spaces.grid.open')}
            </a>
          ) : null}{' '}
          {home.can.seeEveryone ? (
            <a class="button secondary" href={`/results/${home.edition.id}`}>
              {t.t('results.book.title')}
            </a>
          ) : null}
        </p>
      ) : null}
      {learner ? (
        <section aria-labelledby="now-heading" class="card">
          <h2 id="now-heading">{t.t('spaces.home.now')}</h2>
          {home.next ? (
            <p>
              <a class="button" href={`${base}/items/${home.next.id}`}>
                <Text value={home.next.title} locale={ctx.locale} />
              </a>{' '}
              <ItemState t={t} item={home.next} timeZone={home.timeZone} learner />
            </p>
          ) : (
            <p>{t.t(home.overall.tally.total ? 'spaces.home.allDone' : 'spaces.home.empty')}</p>
          )}
          <ProgressLine
            t={t}
            tally={home.overall.tally}
            percent={home.overall.percent}
            label={t.t('spaces.home.progress')}
          />
          <p>
            <a href={`/results/${home.edition.id}/mine`}>{t.t('results.mine.title')}</a>
          </p>
          {home.due.length ? (
            <>
              <h3>{t.t('spaces.home.due')}</h3>
              <ul>
                {home.due.map((item) => (
                  <li>
                    <a href={`${base}/items/${item.id}`}>
                      <Text value={item.title} locale={ctx.locale} />
                    </a>{' '}
                    — <When t={t} iso={item.dueAt ?? ''} timeZone={home.timeZone} />
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <TimeZoneNotice ctx={ctx} home={home} />
        </section>
      ) : null}
    </>
  );
}

/** The home below the kinds' blocks: progress per phase, the contents with each item's state. */
function HomeTail({ ctx, home }: { ctx: PageContext; home: KeptSpaceHome }) {
  const { t } = ctx;
  const learner = home.can.learn;
  const base = `/spaces/${home.edition.id}`;
  return (
    <>
      {home.phases.length ? (
        <section aria-labelledby="phases-heading">
          <h2 id="phases-heading">{t.t('spaces.home.phases')}</h2>
          <ol class="phases">
            {home.phases.map((p) => (
              <li aria-current={p.current ? 'step' : undefined}>
                <strong>{t.t(`spaces.phase.${p.phase}`)}</strong> ({t.date(p.start)} – {t.date(p.end)})
                {learner && p.tally.total ? (
                  <ProgressLine
                    t={t}
                    tally={p.tally}
                    percent={p.percent}
                    label={t.t(`spaces.phase.${p.phase}`)}
                  />
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      <section aria-labelledby="contents-heading">
        <h2 id="contents-heading">{t.t('spaces.home.contents')}</h2>
        {home.sections.length === 0 ? <p>{t.t('spaces.home.empty')}</p> : null}
        {home.sections.length ? (
          <p class="offline-pack">
            <a href={`${base}/offline.zip`} download>
              {t.t('spaces.offline.download')}
            </a>{' '}
            <small>{t.t('spaces.offline.hint')}</small>
          </p>
        ) : null}
        {home.sections.map((section) => (
          <section aria-labelledby={`section-${section.id}`} class="space-section">
            <h3 id={`section-${section.id}`}>
              <Text value={section.title} locale={ctx.locale} />
            </h3>
            {learner && section.tally.total ? (
              <ProgressLine
                t={t}
                tally={section.tally}
                percent={section.percent}
                label={t.t('spaces.home.progress')}
              />
            ) : null}
            <ul class="space-items">
              {section.items.map((item) => (
                <li
                  dangerouslySetInnerHTML={{
                    __html: renderedOnce(item.kept, lineVariant(ctx, home, learner, item), () =>
                      renderToString(
                        <ItemLine ctx={ctx} base={base} item={item} home={home} learner={learner} />,
                      ),
                    ),
                  }}
                />
              ))}
            </ul>
          </section>
        ))}
      </section>
    </>
  );
}

/** An item's line in the contents: its link and its state for the reader. */
function ItemLine({
  ctx,
  base,
  item,
  home,
  learner,
}: {
  ctx: PageContext;
  base: string;
  item: ViewItem;
  home: KeptSpaceHome;
  learner: boolean;
}) {
  return (
    <>
      <a href={`${base}/items/${item.id}`}>
        <Text value={item.title} locale={ctx.locale} />
      </a>{' '}
      <small>
        <ItemState t={ctx.t} item={item} timeZone={home.timeZone} learner={learner} />
      </small>
    </>
  );
}

/**
 * What an item's line depends on besides the item itself (kept with the space's structure): the language,
 * the reader's zone and, for a learner, the item's state for them. Lines are rendered once per variant
 * (`renderedOnce`): the contents list is most of the home's HTML and the same on every visit.
 */
function lineVariant(ctx: PageContext, home: KeptSpaceHome, learner: boolean, item: ViewItem): string {
  const state = !learner
    ? '-'
    : item.complete
      ? 'done'
      : item.locked?.reason === 'date'
        ? `opens ${item.locked.from}`
        : item.locked
          ? 'locked'
          : 'to do';
  return `${ctx.locale}|${home.timeZone}|${state}`;
}

/**
 * Until the person sets a time zone, instants show in UTC; a small script offers the browser's zone (the
 * form is hidden without JavaScript, where the account page sets it).
 */
function TimeZoneNotice({ ctx, home }: { ctx: PageContext; home: KeptSpaceHome }) {
  if (home.timeZoneSet) return null;
  const { t } = ctx;
  return (
    <div class="time-zone">
      <p>
        {t.t('spaces.timeZone.utc')} <a href="/account#field-timeZone">{t.t('spaces.timeZone.set')}</a>
      </p>
      <form method="post" action="/spaces/time-zone" data-time-zone-form hidden>
        <Csrf token={ctx.csrf} />
        <input type="hidden" name="timeZone" value="" />
        <input type="hidden" name="next" value={`/spaces/${home.edition.id}`} />
        <button type="submit" class="secondary">
          {t.t('spaces.timeZone.useBrowser')} <span data-zone />
        </button>
      </form>
      <script src="/static/time-zone.js" defer />
    </div>
  );
}
