/** A capstone's page: its candidate, its supervisor and the committee see the parts they may act on. */

import { Csrf, ErrorSummary, SelectField, TextArea } from '../../../web/components.js';
import { Layout } from '../../../web/layout.js';
import type { FieldMessages, PageContext } from '../../../web/page-context.js';
import { formatMark } from '../../marking/rubrics/rubric.js';
import { CAPSTONE_LANGUAGES, LIBRARY_LICENCES, proposalEditable } from '../capstone.js';
import { ABSTRACT_MAX, COMMENT_MAX, MESSAGE_MAX } from '../capstones.schemas.js';
import type { CapstonePage } from '../get-capstone-page.js';
import { country, ProposalForm, StandingBox, StateTag } from './capstone-parts.js';
import { capstoneWarningText } from './capstone-warnings.js';
import { MilestonesReached } from './milestones.js';

interface Props {
  ctx: PageContext;
  page: CapstonePage;
  errors?: FieldMessages;
}

function Proposal({ ctx, page }: Props) {
  const { t } = ctx;
  const p = page.proposal;
  return (
    <dl class="summary">
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
      {(['outline', 'draft', 'final'] as const).map((m) => (
        <>
          <dt>{t.t(`capstones.milestone.${m}`)}</dt>
          <dd>{p.timeline[m] ? t.date(p.timeline[m]!, 'long') : '—'}</dd>
        </>
      ))}
    </dl>
  );
}

function Conversation({ ctx, page }: Props) {
  const { t } = ctx;
  const base = `/capstones/${page.id}`;
  const canFile = page.can.message && (page.state === 'approved' || page.state === 'resubmission');
  return (
    <section aria-labelledby="messages-heading">
      <h2 id="messages-heading">{t.t('capstones.page.messages')}</h2>
      {page.messages.length === 0 ? <p>{t.t('capstones.page.noMessages')}</p> : null}
      <ol class="messages">
        {page.messages.map((m) => (
          <li>
            <p class="meta">
              {t.t(`capstones.messageKind.${m.kind}`)} · {m.author} · {t.dateTime(m.at)}
            </p>
            {m.body ? <p>{m.body}</p> : null}
            {m.file ? (
              <p>
                <a href={`${base}/files/${m.id}`}>{m.file.name}</a>{' '}
                <small>SHA-256 {m.file.sha256.slice(0, 16)}…</small>
              </p>
            ) : null}
          </li>
        ))}
      </ol>
      {page.can.message ? (
        <form method="post" action={`${base}/messages`} class="stack">
          <Csrf token={ctx.csrf} />
          <TextArea name="body" label={t.t('capstones.page.writeMessage')} maxLength={MESSAGE_MAX} rows={3} />
          <button type="submit">{t.t('capstones.action.send')}</button>
        </form>
      ) : null}
      {canFile ? (
        <form method="post" action={`${base}/drafts`} enctype="multipart/form-data" class="stack">
          <Csrf token={ctx.csrf} />
          <label for="draft-file">
            {t.t(page.can.own ? 'capstones.page.draftFile' : 'capstones.page.feedbackFile')}
          </label>
          <input id="draft-file" type="file" name="file" accept=".pdf,.docx" />
          <label for="draft-note">{t.t('capstones.page.note')}</label>
          <input id="draft-note" type="text" name="note" maxLength={500} />
          <button type="submit">{t.t('capstones.action.upload')}</button>
        </form>
      ) : null}
    </section>
  );
}

function Final({ ctx, page }: Props) {
  const { t } = ctx;
  const base = `/capstones/${page.id}`;
  const open = page.can.own && (page.state === 'approved' || page.state === 'resubmission');
  const pending = page.attempts.find((a) => a.submittedAt === null);
  return (
    <section aria-labelledby="final-heading">
      <h2 id="final-heading">{t.t('capstones.page.final')}</h2>
      {page.resubmissionDue ? (
        <p>{t.t('capstones.page.resubmissionDue', { date: t.date(page.resubmissionDue, 'long') })}</p>
      ) : null}
      {page.attempts
        .filter((a) => a.submittedAt)
        .map((a) => (
          <div class="receipt">
            <h3>{t.t('capstones.page.attempt', { n: a.attempt })}</h3>
            <p>
              {t.t('capstones.page.receipt', { at: t.dateTime(a.submittedAt!) })} <code>{a.digest}</code>
            </p>
            <p>
              <a href={`${base}/attempts/${a.id}`}>{a.fileName}</a> <small>SHA-256 {a.sha256}</small>
            </p>
            {a.marking?.released && (page.can.own || page.can.manage) ? (
              <p>
                {t.t('capstones.page.mark', { mark: a.marking.released.markText })} —{' '}
                {a.marking.released.overall}
              </p>
            ) : null}
          </div>
        ))}
      {open ? (
        <>
          <form method="post" action={`${base}/document`} enctype="multipart/form-data" class="stack">
            <Csrf token={ctx.csrf} />
            <label for="final-file">{t.t('capstones.page.document')}</label>
            <p class="hint" id="final-file-hint">
              {t.t('capstones.page.documentHint')}
            </p>
            <input
              id="final-file"
              type="file"
              name="file"
              accept=".pdf,.docx"
              aria-describedby="final-file-hint"
            />
            <button type="submit">{t.t('capstones.action.upload')}</button>
          </form>
          {pending ? (
            <form method="post" action={`${base}/final`} class="stack">
              <Csrf token={ctx.csrf} />
              <p>{t.t('capstones.page.uploaded', { name: pending.fileName })}</p>
              {CAPSTONE_LANGUAGES.map((l) => (
                <TextArea
                  name={`abstract_${l}`}
                  label={t.t(
                    l === page.proposal.language
                      ? 'capstones.page.abstractMain'
                      : 'capstones.page.abstractOther',
                    {
                      language: t.t(`capstones.language.${l}`),
                    },
                  )}
                  errors={{}}
                  maxLength={ABSTRACT_MAX}
                  lang={l}
                />
              ))}
              <p>
                <input type="checkbox" id="declared" name="declared" />{' '}
                <label for="declared">{t.t('capstones.page.declaration')}</label>
              </p>
              <button type="submit">{t.t('capstones.action.handIn')}</button>
            </form>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function Committee({ ctx, page }: Props) {
  const { t } = ctx;
  const base = `/capstones/${page.id}`;
  const staff = page.staff;
  return (
    <section aria-labelledby="committee-heading">
      <h2 id="committee-heading">{t.t('capstones.page.committee')}</h2>
      {page.can.decide && page.state === 'proposed' ? (
        <form method="post" action={`${base}/decision`} class="stack">
          <Csrf token={ctx.csrf} />
          <SelectField
            name="decision"
            label={t.t('capstones.field.decision')}
            options={(['approve', 'return', 'reject'] as const).map((d) => ({
              value: d,
              label: t.t(`capstones.decision.${d}`),
            }))}
          />
          <TextArea name="comment" label={t.t('capstones.field.comment')} maxLength={COMMENT_MAX} />
          <button type="submit">{t.t('capstones.action.decide')}</button>
        </form>
      ) : null}
      {staff && ['approved', 'submitted', 'resubmission'].includes(page.state) ? (
        <form method="post" action={`${base}/supervisor`} class="stack">
          <Csrf token={ctx.csrf} />
          <SelectField
            name="supervisorId"
            label={t.t('capstones.field.supervisor')}
            value={page.supervisor?.id}
            options={staff.supervisors.map((s) => ({
              value: s.id,
              label: t.t('capstones.admin.load', { name: s.name, load: s.load, max: s.max }),
            }))}
            empty={t.t('capstones.field.choose')}
          />
          <button type="submit">{t.t('capstones.action.assign')}</button>
        </form>
      ) : null}
      {staff && page.state === 'submitted' ? (
        <>
          <form method="post" action={`${base}/assessors`} class="stack">
            <Csrf token={ctx.csrf} />
            {(['firstMarkerId', 'secondMarkerId'] as const).map((name) => (
              <SelectField
                name={name}
                label={t.t(`capstones.field.${name}`)}
                options={staff.assessors.map((a) => ({ value: a.id, label: a.name }))}
                empty={t.t('capstones.field.choose')}
              />
            ))}
            <button type="submit">{t.t('capstones.action.allocate')}</button>
          </form>
          {staff.markingSubmissionId ? (
            <p>
              <a href={`/marking/submissions/${staff.markingSubmissionId}`}>
                {t.t('capstones.page.openMarking')}
              </a>
            </p>
          ) : null}
          <form method="post" action={`${base}/outcome`} class="stack">
            <Csrf token={ctx.csrf} />
            <SelectField
              name="outcome"
              label={t.t('capstones.field.outcome')}
              options={(['pass', 'require-resubmission', 'fail'] as const).map((o) => ({
                value: o,
                label: t.t(`capstones.outcome.${o}`),
              }))}
            />
            <label for="resubmissionDue">{t.t('capstones.field.resubmissionDue')}</label>
            <input type="date" id="resubmissionDue" name="resubmissionDue" />
            <button type="submit">{t.t('capstones.action.recordOutcome')}</button>
          </form>
        </>
      ) : null}
    </section>
  );
}

function Library({ ctx, page }: Props) {
  const { t } = ctx;
  return (
    <section aria-labelledby="library-heading">
      <h2 id="library-heading">{t.t('capstones.page.library')}</h2>
      <p>{t.t(page.library.published ? 'capstones.page.published' : 'capstones.page.notPublished')}</p>
      <form method="post" action={`/capstones/${page.id}/library`} class="stack">
        <Csrf token={ctx.csrf} />
        <p>
          <input type="checkbox" id="consent" name="consent" checked={page.library.published} />{' '}
          <label for="consent">{t.t('capstones.page.consent')}</label>
        </p>
        <SelectField
          name="licence"
          label={t.t('capstones.field.licence')}
          value={page.library.licence}
          options={LIBRARY_LICENCES.map((l) => ({ value: l, label: l.replaceAll('-', ' ') }))}
          empty={t.t('capstones.field.choose')}
        />
        <p>
          <input type="checkbox" id="showAuthor" name="showAuthor" checked={page.library.showAuthor} />{' '}
          <label for="showAuthor">{t.t('capstones.page.showAuthor')}</label>
        </p>
        <p>
          <input type="checkbox" id="linkDiploma" name="linkDiploma" checked={page.library.linkDiploma} />{' '}
          <label for="linkDiploma">{t.t('capstones.page.linkDiploma')}</label>
        </p>
        <button type="submit">{t.t('capstones.action.saveConsent')}</button>
      </form>
      {page.library.published ? (
        <p>
          <a href={`/library/capstones/${page.id}`}>{t.t('capstones.page.libraryEntry')}</a>
        </p>
      ) : null}
    </section>
  );
}

export function CapstonePageView({ ctx, page, errors = {} }: Props) {
  const { t } = ctx;
  const p = page.proposal;
  const editable = page.can.own && proposalEditable(page.state);
  return (
    <Layout ctx={ctx} title={p.title}>
      <p class="breadcrumb">
        <a href={page.can.own ? '/capstones/my' : '/capstones'}>{t.t('capstones.nav')}</a>
      </p>
      <h1>{p.title}</h1>
      <p>
        <StateTag t={t} state={page.state} />
        {page.can.own ? null : ` ${page.candidateName}`}
        {page.supervisor ? ` · ${t.t('capstones.page.supervisedBy', { name: page.supervisor.name })}` : ''}
      </p>
      <ErrorSummary t={t} errors={errors} />
      {page.warnings.length ? (
        <ul class="notice notice-warning">
          {page.warnings.map((w) => (
            <li>{capstoneWarningText(t, w)}</li>
          ))}
        </ul>
      ) : null}
      {page.committeeComment ? (
        <blockquote class="notice">
          <p>{t.t('capstones.page.committeeComment')}</p>
          <p>{page.committeeComment}</p>
        </blockquote>
      ) : null}
      {page.state === 'passed' && page.completedOn ? (
        <p class="notice notice-success">
          {t.t('capstones.page.passedOn', { date: t.date(page.completedOn, 'long') })}
          {page.outcomeMark !== null && page.can.manage ? ` (${formatMark(page.outcomeMark)} %)` : ''}
        </p>
      ) : null}
      {page.can.own && page.standing && !page.standing.unlocked ? (
        <StandingBox t={t} standing={page.standing} />
      ) : null}
      <h2>{t.t('capstones.home.proposal')}</h2>
      {editable ? (
        <>
          <ProposalForm
            ctx={ctx}
            action={`/capstones/${page.id}/proposal`}
            proposal={p}
            courses={page.standing?.countedCourses ?? []}
            errors={errors}
          />
          {page.standing?.unlocked ? (
            <form method="post" action={`/capstones/${page.id}/submit-proposal`}>
              <Csrf token={ctx.csrf} />
              <button type="submit">{t.t('capstones.action.submitProposal')}</button>
            </form>
          ) : (
            <p>{t.t('capstones.error.locked')}</p>
          )}
        </>
      ) : (
        <Proposal ctx={ctx} page={page} />
      )}
      {page.can.manage || page.can.decide ? <Committee ctx={ctx} page={page} /> : null}
      {page.supervisor || page.messages.length ? <Conversation ctx={ctx} page={page} /> : null}
      {['approved', 'resubmission'].includes(page.state) || page.milestonesReached.length ? (
        <MilestonesReached ctx={ctx} page={page} errors={errors} />
      ) : null}
      {['approved', 'submitted', 'resubmission', 'passed', 'failed'].includes(page.state) ? (
        <Final ctx={ctx} page={page} />
      ) : null}
      {page.can.own && page.state === 'passed' ? <Library ctx={ctx} page={page} /> : null}
    </Layout>
  );
}
