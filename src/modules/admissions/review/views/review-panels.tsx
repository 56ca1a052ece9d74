import { pickLocalized } from '../../../../i18n/localized.js';
import { Csrf, SelectField, TextArea, TextField } from '../../../../web/components.js';
import type { FieldMessages, PageContext } from '../../../../web/page-context.js';
import { canTransition, DECISIONS } from '../../application.js';
import { RECOMMENDATIONS } from '../review.js';
import {
  COMMENT_MAX_LENGTH,
  DECISION_MESSAGE_MAX_LENGTH,
  NOTE_MAX_LENGTH,
  REASON_MAX_LENGTH,
} from '../review.schemas.js';
import type { StaffApplicationView } from '../review-detail.js';

type FormState = { values: Record<string, string>; errors: FieldMessages } | undefined;

const action = (view: StaffApplicationView, path: string) =>
  `/manage/applications/${view.application.id}/${path}`;

/** The assigned reviewers; managers assign people with the assessor role and remove them. */
export function ReviewersPanel({
  ctx,
  view,
  state,
}: {
  ctx: PageContext;
  view: StaffApplicationView;
  state: FormState;
}) {
  const { t } = ctx;
  const scored = new Set(view.scores.map((s) => s.reviewerId));
  return (
    <section aria-labelledby="reviewers-title">
      <h2 id="reviewers-title">{t.t('review.reviewers.title')}</h2>
      {view.reviewers.length === 0 ? <p>{t.t('review.reviewers.none')}</p> : null}
      <ul>
        {view.reviewers.map((r) => (
          <li>
            {r.name}
            {view.can.assign && !scored.has(r.id) ? (
              <form method="post" action={action(view, `reviewers/${r.id}/remove`)} class="inline-form">
                <Csrf token={ctx.csrf} />{' '}
                <button type="submit" aria-label={t.t('review.reviewers.removeNamed', { name: r.name })}>
                  {t.t('review.reviewers.remove')}
                </button>
              </form>
            ) : null}
          </li>
        ))}
      </ul>
      {view.can.assign ? (
        view.assignable.length === 0 ? (
          <p class="hint">{t.t('review.reviewers.noAssessors')}</p>
        ) : (
          <form method="post" action={action(view, 'reviewers')}>
            <Csrf token={ctx.csrf} />
            <SelectField
              name="reviewerId"
              label={t.t('review.reviewers.choose')}
              value={state?.values.reviewerId}
              errors={state?.errors}
              options={view.assignable.map((a) => ({ value: a.id, label: a.name }))}
            />
            <button type="submit">{t.t('review.reviewers.assign')}</button>
          </form>
        )
      ) : null}
    </section>
  );
}

/** The scores (every reviewer's and the average for managers; one's own for a reviewer) and the scoring form. */
export function ScoresPanel({
  ctx,
  view,
  state,
}: {
  ctx: PageContext;
  view: StaffApplicationView;
  state: FormState;
}) {
  const { t } = ctx;
  const label = (id: string) => {
    const criterion = view.criteria.find((c) => c.id === id);
    return criterion ? pickLocalized(criterion.label, ctx.locale).text : id;
  };
  const mine = view.myScore;
  const value = (field: string, stored: string | number | null | undefined) =>
    state ? state.values[field] : stored === null || stored === undefined ? '' : String(stored);
  return (
    <section aria-labelledby="scores-title">
      <h2 id="scores-title">{t.t('review.scores.title')}</h2>
      {view.averageScore !== null ? (
        <p>
          <strong>
            {t.t('review.scores.average', { average: t.number(view.averageScore), max: view.maxTotal })}
          </strong>
        </p>
      ) : null}
      {view.scores.length === 0 ? (
        <p>{t.t('review.scores.none')}</p>
      ) : (
        <table>
          <caption class="visually-hidden">{t.t('review.scores.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t.t('review.scores.reviewer')}</th>
              {view.criteria.map((c) => (
                <th scope="col">{label(c.id)}</th>
              ))}
              <th scope="col">{t.t('review.scores.total')}</th>
              <th scope="col">{t.t('review.scores.recommendation')}</th>
              <th scope="col">{t.t('review.scores.note')}</th>
            </tr>
          </thead>
          <tbody>
            {view.scores.map((s) => (
              <tr>
                <th scope="row">{s.reviewerName}</th>
                {view.criteria.map((c) => (
                  <td>{s.points[c.id] === undefined ? '' : t.number(s.points[c.id]!)}</td>
                ))}
                <td>{t.t('review.scores.outOf', { total: s.total, max: view.maxTotal })}</td>
                <td>{t.t(`review.recommendation.${s.recommendation}`)}</td>
                <td>{s.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {view.can.score ? (
        <form method="post" action={action(view, 'score')}>
          <Csrf token={ctx.csrf} />
          <fieldset>
            <legend>{mine ? t.t('review.scores.change') : t.t('review.scores.give')}</legend>
            {view.criteria.map((c) => (
              <TextField
                name={`scores.${c.id}`}
                label={t.t('review.scores.criterion', { label: label(c.id), max: c.maxScore })}
                type="number"
                min={0}
                max={c.maxScore}
                required
                value={value(`scores.${c.id}`, mine?.points[c.id])}
                errors={state?.errors}
              />
            ))}
            <SelectField
              name="recommendation"
              label={t.t('review.scores.recommendation')}
              value={value('recommendation', mine?.recommendation)}
              errors={state?.errors}
              options={RECOMMENDATIONS.map((r) => ({ value: r, label: t.t(`review.recommendation.${r}`) }))}
              empty={t.t('review.choose')}
            />
            <TextArea
              name="note"
              label={t.t('review.scores.note')}
              value={value('note', mine?.note)}
              errors={state?.errors}
              maxLength={NOTE_MAX_LENGTH}
              rows={3}
            />
          </fieldset>
          <button type="submit">{t.t('review.scores.save')}</button>
        </form>
      ) : mine ? (
        <p class="hint">{t.t('review.scores.locked')}</p>
      ) : null}
    </section>
  );
}

/** Staff comments: never shown to the applicant. */
export function CommentsPanel({
  ctx,
  view,
  state,
}: {
  ctx: PageContext;
  view: StaffApplicationView;
  state: FormState;
}) {
  const { t } = ctx;
  return (
    <section aria-labelledby="comments-title">
      <h2 id="comments-title">{t.t('review.comments.title')}</h2>
      <p class="hint">{t.t('review.comments.hint')}</p>
      {view.comments.length === 0 ? <p>{t.t('review.comments.none')}</p> : null}
      <ul class="stack">
        {view.comments.map((c) => (
          <li>
            <p class="meta">
              {t.t('review.comments.by', {
                name: c.authorName ?? t.t('review.comments.formerStaff'),
                date: t.dateTime(c.createdAt),
              })}
            </p>
            <p>{c.body}</p>
          </li>
        ))}
      </ul>
      {view.can.comment ? (
        <form method="post" action={action(view, 'comments')}>
          <Csrf token={ctx.csrf} />
          <TextArea
            name="body"
            label={t.t('review.comments.body')}
            value={state?.values.body}
            errors={state?.errors}
            maxLength={COMMENT_MAX_LENGTH}
            rows={3}
          />
          <button type="submit">{t.t('review.comments.add')}</button>
        </form>
      ) : null}
    </section>
  );
}

/** The decision history, the decision form and the reopening form (managers). */
export function DecisionPanel({
  ctx,
  view,
  decide,
  reopen,
}: {
  ctx: PageContext;
  view: StaffApplicationView;
  decide: FormState;
  reopen: FormState;
}) {
  const { t } = ctx;
  const status = view.application.status;
  const allowed = DECISIONS.filter((d) => canTransition(status, d));
  return (
    <section aria-labelledby="decision-title">
      <h2 id="decision-title">{t.t('review.decision.title')}</h2>
      {view.decisions.length === 0 ? (
        <p>{t.t('review.decision.none')}</p>
      ) : (
        <ol class="stack">
          {view.decisions.map((d) => (
            <li>
              <p>
                <strong>{t.t(`review.decision.made.${d.decision}`)}</strong>{' '}
                {t.t('review.decision.by', {
                  name: d.decidedByName ?? t.t('review.comments.formerStaff'),
                  date: t.dateTime(d.decidedAt),
                })}
              </p>
              {d.message ? <p>{t.t('review.decision.sentMessage', { message: d.message })}</p> : null}
              {d.reopenedAt ? (
                <p class="meta">
                  {t.t('review.decision.reopenedBy', {
                    name: d.reopenedByName ?? t.t('review.comments.formerStaff'),
                    date: t.dateTime(d.reopenedAt),
                    reason: d.reopenReason ?? '',
                  })}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {view.can.decide ? (
        <form method="post" action={action(view, 'decision')}>
          <Csrf token={ctx.csrf} />
          <fieldset class={decide?.errors.decision ? 'field has-error' : 'field'} id="field-decision">
            <legend>{t.t('review.decision.choose')}</legend>
            {decide?.errors.decision ? <p class="error">{decide.errors.decision}</p> : null}
            {allowed.map((d) => (
              <label class="check">
                <input type="radio" name="decision" value={d} checked={decide?.values.decision === d} />{' '}
                {t.t(`review.decision.choice.${d}`)}
              </label>
            ))}
          </fieldset>
          <TextArea
            name="message"
            label={t.t('review.decision.message')}
            hint={t.t('review.decision.messageHint')}
            value={decide?.values.message}
            errors={decide?.errors}
            maxLength={DECISION_MESSAGE_MAX_LENGTH}
            rows={4}
          />
          <button type="submit">{t.t('review.decision.submit')}</button>
        </form>
      ) : null}
      {view.can.reopen ? (
        <form method="post" action={action(view, 'reopen')}>
          <Csrf token={ctx.csrf} />
          <h3>{t.t('review.reopen.title')}</h3>
          {status === 'accepted' ? <p class="hint">{t.t('review.reopen.candidacyNote')}</p> : null}
          <TextArea
            name="reopenReason"
            label={t.t('review.reopen.reason')}
            value={reopen?.values.reopenReason}
            errors={reopen?.errors}
            maxLength={REASON_MAX_LENGTH}
            rows={3}
          />
          <button type="submit">{t.t('review.reopen.submit')}</button>
        </form>
      ) : null}
    </section>
  );
}
