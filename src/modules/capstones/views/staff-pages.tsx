/** The committee's queue, the supervisors' list and settings, and the blind marker page. */
import type { ComponentChildren } from 'preact';
import { Csrf, Pagination, SelectField, TextField } from '../../../web/components.js';
import { Layout } from '../../../web/layout.js';
import type { FieldMessages, PageContext } from '../../../web/page-context.js';
import { CAPSTONE_STATES } from '../capstone.js';
import type { CapstoneAdmin } from '../get-capstone-admin.js';
import { type CapstoneLine, type CommitteeQueue, QUEUE_COUNT_CAP } from '../get-capstone-queues.js';
import type { MarkerPage } from '../get-marker-page.js';
import { country, StateTag } from './capstone-parts.js';

/**
 * A list of capstones. `showState: false` for a list of one state (the committee's tab: its caption names
 * the state, so a column repeating it on every line only adds weight).
 */
function Lines({
  t,
  lines,
  caption,
  showState = true,
}: {
  t: PageContext['t'];
  lines: CapstoneLine[];
  caption: string;
  showState?: boolean;
}) {
  if (lines.length === 0) return <p>{t.t('capstones.queue.none')}</p>;
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.t('capstones.field.title')}</th>
          <th scope="col">{t.t('capstones.queue.candidate')}</th>
          <th scope="col">{t.t('capstones.field.country')}</th>
          {showState ? <th scope="col">{t.t('capstones.queue.state')}</th> : null}
          <th scope="col">{t.t('capstones.queue.due')}</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((l) => (
          <tr>
            <td>
              <a href={`/capstones/${l.id}`}>{l.title}</a>
            </td>
            <td>{l.candidate}</td>
            <td>{country(t, l.country)}</td>
            {showState ? (
              <td>
                <StateTag t={t} state={l.state} />
              </td>
            ) : null}
            <td>{l.due ? t.date(l.due, 'medium') : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The committee's queues (the state tabs, a page of one state, those at risk): the same for every manager
 * with the same language, state, page and day, so they are rendered once and kept (capstones.web.tsx).
 */
export function CommitteeContents({ t, committee: c }: { t: PageContext['t']; committee: CommitteeQueue }) {
  return (
    <>
      <p>
        <a href="/capstones/admin">{t.t('capstones.admin.title')}</a>
      </p>
      <nav aria-label={t.t('capstones.queue.states')}>
        <ul class="tabs">
          {CAPSTONE_STATES.map((s) => (
            <li>
              <a href={`/capstones?state=${s}`} aria-current={s === c.state ? 'page' : undefined}>
                {t.t(`capstones.state.${s}`)} (
                {c.counts[s] > QUEUE_COUNT_CAP
                  ? t.t('capstones.queue.more', { count: QUEUE_COUNT_CAP })
                  : c.counts[s]}
                )
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <Lines t={t} lines={c.lines} caption={t.t(`capstones.state.${c.state}`)} showState={false} />
      <Pagination
        t={t}
        page={c.page}
        pageCount={c.pages}
        href={(p) => `/capstones?state=${c.state}&page=${p}`}
      />
      <h2>{t.t('capstones.queue.atRisk')}</h2>
      <Lines t={t} lines={c.atRisk} caption={t.t('capstones.queue.atRisk')} />
    </>
  );
}

/** The queues page: the committee's kept contents (managers) and the capstones the reader supervises. */
export function QueuesPage({
  ctx,
  committee,
  supervised,
}: {
  ctx: PageContext;
  committee: ComponentChildren;
  supervised: CapstoneLine[];
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.t('capstones.queue.title')}>
      <h1>{t.t('capstones.queue.title')}</h1>
      {committee}
      <h2>{t.t('capstones.queue.supervised')}</h2>
      <Lines t={t} lines={supervised} caption={t.t('capstones.queue.supervised')} />
    </Layout>
  );
}

export function AdminPage({
  ctx,
  admin,
  errors = {},
}: {
  ctx: PageContext;
  admin: CapstoneAdmin;
  errors?: FieldMessages;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.t('capstones.admin.title')}>
      <h1>{t.t('capstones.admin.title')}</h1>
      <h2>{t.t('capstones.admin.supervisors')}</h2>
      <ul>
        {admin.supervisors.map((s) => (
          <li>{t.t('capstones.admin.load', { name: s.name, load: s.load, max: s.max })}</li>
        ))}
      </ul>
      <form method="post" action="/capstones/supervisors" class="stack">
        <Csrf token={ctx.csrf} />
        <SelectField
          name="personId"
          label={t.t('capstones.field.supervisor')}
          options={admin.candidates.map((p) => ({ value: p.id, label: p.name }))}
          errors={errors}
          empty={t.t('capstones.field.choose')}
        />
        <TextField
          type="number"
          name="maxLoad"
          label={t.t('capstones.field.maxLoad')}
          value="5"
          min={0}
          max={100}
          errors={errors}
        />
        <button type="submit">{t.t('capstones.action.save')}</button>
      </form>
      <h2>{t.t('capstones.admin.assessment')}</h2>
      {admin.programmes.map((p) => (
        <form method="post" action={`/capstones/settings/${p.id}`} class="stack">
          <h3>{p.title}</h3>
          <Csrf token={ctx.csrf} />
          <SelectField
            name="rubricId"
            label={t.t('capstones.field.rubric')}
            value={p.settings.rubricId}
            options={admin.rubrics.map((r) => ({ value: r.id, label: r.title }))}
            empty={t.t('capstones.field.noRubric')}
          />
          <TextField
            type="number"
            name="passMark"
            label={t.t('capstones.field.passMark')}
            value={p.settings.passMark / 100}
            min={0}
            max={100}
          />
          <TextField
            type="number"
            name="discrepancy"
            label={t.t('capstones.field.discrepancy')}
            value={p.settings.discrepancy / 100}
            min={0}
            max={100}
          />
          <p>
            <input type="checkbox" id={`show-${p.id}`} name="showMark" checked={p.settings.showMark} />{' '}
            <label for={`show-${p.id}`}>{t.t('capstones.field.showMark')}</label>
          </p>
          <button type="submit">{t.t('capstones.action.save')}</button>
        </form>
      ))}
      <h2>{t.t('capstones.admin.committee')}</h2>
      <p class="hint">{t.t('capstones.admin.committeeHint')}</p>
      <ul>
        {admin.programmes.map((p) => (
          <li>
            {t.t('capstones.admin.committeeOf', {
              programme: p.title,
              names: p.committee.map((m) => m.name).join(', ') || t.t('capstones.admin.allManagers'),
            })}
          </li>
        ))}
      </ul>
      <form method="post" action="/capstones/committee" class="stack">
        <Csrf token={ctx.csrf} />
        <SelectField
          name="committeeProgrammeId"
          label={t.t('capstones.field.programme')}
          options={admin.programmes.map((p) => ({ value: p.id, label: p.title }))}
          errors={errors}
        />
        <SelectField
          name="memberId"
          label={t.t('capstones.field.member')}
          options={admin.managers.map((m) => ({ value: m.id, label: m.name }))}
          errors={errors}
          empty={t.t('capstones.field.choose')}
        />
        <SelectField
          name="change"
          label={t.t('capstones.field.change')}
          options={['add', 'remove'].map((c) => ({ value: c, label: t.t(`capstones.committeeChange.${c}`) }))}
        />
        <button type="submit">{t.t('capstones.action.save')}</button>
      </form>
      <h2>{t.t('capstones.admin.examiners')}</h2>
      <p class="hint">{t.t('capstones.admin.examinersHint')}</p>
      <ul>
        {admin.programmes.map((p) => (
          <li>
            {t.t('capstones.admin.examinersOf', {
              programme: p.title,
              names: p.examiners.map((e) => e.name).join(', ') || t.t('capstones.admin.noExaminer'),
            })}
            {p.examiners.map((e) => (
              <form method="post" action="/capstones/examiners/withdraw" class="inline">
                <Csrf token={ctx.csrf} />
                <input type="hidden" name="programmeId" value={p.id} />
                <input type="hidden" name="examinerId" value={e.id} />
                <button type="submit" class="secondary">
                  {t.t('capstones.action.withdrawExaminer', { name: e.name, programme: p.title })}
                </button>
              </form>
            ))}
          </li>
        ))}
      </ul>
      <form method="post" action="/capstones/examiners" class="stack">
        <Csrf token={ctx.csrf} />
        <SelectField
          name="programmeId"
          label={t.t('capstones.field.programme')}
          options={admin.programmes.map((p) => ({ value: p.id, label: p.title }))}
          errors={errors}
        />
        <SelectField
          name="examinerId"
          label={t.t('capstones.field.examiner')}
          options={admin.assessors.map((a) => ({ value: a.id, label: a.name }))}
          errors={errors}
          empty={t.t('capstones.field.choose')}
        />
        <button type="submit">{t.t('capstones.action.appoint')}</button>
      </form>
    </Layout>
  );
}

/** Blind: the number, never a name; no supervisor, no messages, no drafts. */
export function MarkerPageView({ ctx, page }: { ctx: PageContext; page: MarkerPage }) {
  const { t } = ctx;
  const p = page.proposal;
  return (
    <Layout ctx={ctx} title={t.t('capstones.marker.title', { number: page.participantNumber })}>
      <h1>{t.t('capstones.marker.title', { number: page.participantNumber })}</h1>
      <p>
        <a href={`/marking/submissions/${page.markingSubmissionId}`}>{t.t('capstones.marker.markIt')}</a>
      </p>
      <dl class="summary">
        <dt>{t.t('capstones.field.title')}</dt>
        <dd>{p.title}</dd>
        <dt>{t.t('capstones.field.country')}</dt>
        <dd>{country(t, p.country)}</dd>
        <dt>{t.t('capstones.field.policyQuestion')}</dt>
        <dd>{p.policyQuestion}</dd>
        <dt>{t.t('capstones.field.themes')}</dt>
        <dd>{p.themes.join(', ')}</dd>
        <dt>{t.t('capstones.field.language')}</dt>
        <dd>{t.t(`capstones.language.${p.language}`)}</dd>
        {p.approaches.map((a) => (
          <>
            <dt>{t.t('capstones.field.approachOf', { course: a.course })}</dt>
            <dd>{a.text}</dd>
          </>
        ))}
      </dl>
      {Object.entries(page.abstracts).map(([language, text]) => (
        <section lang={language}>
          <h2>{t.t('capstones.page.abstractOther', { language: t.t(`capstones.language.${language}`) })}</h2>
          <p>{text}</p>
        </section>
      ))}
      <p>
        <a href={`/capstones/marking/${page.attemptId}/document`}>
          {t.t('capstones.marker.document', {
            number: page.participantNumber,
            type: page.type.toUpperCase(),
          })}
        </a>{' '}
        <small>SHA-256 {page.sha256}</small>
      </p>
    </Layout>
  );
}
