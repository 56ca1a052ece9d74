/** A capstone's milestones recorded as reached, and the supervisor's form to record one. */
import { Csrf, SelectField, TextField } from '../../../web/components.js';
import type { FieldMessages, PageContext } from '../../../web/page-context.js';
import { MILESTONES } from '../capstone.js';
import { REACHABLE_MILESTONES } from '../capstones.schemas.js';
import type { CapstonePage } from '../get-capstone-page.js';

/** What the milestone parts of the capstone page are drawn from. */
interface MilestoneProps {
  ctx: PageContext;
  page: CapstonePage;
  errors?: FieldMessages | undefined;
}

export function MilestonesReached({ ctx, page, errors }: MilestoneProps) {
  const { t } = ctx;
  return (
    <section aria-labelledby="milestones-heading">
      <h2 id="milestones-heading">{t.t('capstones.page.milestones')}</h2>
      <PlanNotices ctx={ctx} page={page} />
      {page.milestonesReached.length === 0 ? (
        <p>{t.t('capstones.page.noMilestoneReached')}</p>
      ) : (
        <ul>
          {page.milestonesReached.map((m) => (
            <li>
              {t.t('capstones.page.milestoneReached', {
                what: t.t(`capstones.milestone.${m.milestone}`),
                date: t.date(m.reachedOn, 'long'),
              })}
            </li>
          ))}
        </ul>
      )}
      {page.can.recordMilestone ? (
        <form method="post" action={`/capstones/${page.id}/milestones`} class="stack">
          <Csrf token={ctx.csrf} />
          <SelectField
            name="milestone"
            label={t.t('capstones.field.milestone')}
            options={REACHABLE_MILESTONES.map((m) => ({ value: m, label: t.t(`capstones.milestone.${m}`) }))}
            errors={errors}
          />
          <TextField
            type="date"
            name="reachedOn"
            label={t.t('capstones.field.reachedOn')}
            value={page.today}
            errors={errors}
          />
          <button type="submit">{t.t('capstones.action.recordMilestone')}</button>
        </form>
      ) : null}
      {page.can.replanMilestones ? <ReplanForm ctx={ctx} page={page} errors={errors} /> : null}
    </section>
  );
}

/**
 * The plan against the window as it is now: an extension granted since the plan was made offers the plan
 * shifted (the supervisor's form holds it; the candidate is told who plans again), and milestones a
 * shortened window leaves outside are named.
 */
function PlanNotices({ ctx, page }: MilestoneProps) {
  const { t } = ctx;
  const { shift, outsideWindow } = page.plan;
  const deadline = page.standing?.deadline ?? null;
  return (
    <>
      {shift ? (
        <div class="notice" role="status">
          <p>
            {t.t('capstones.page.windowExtended', {
              from: t.date(shift.from, 'long'),
              to: t.date(shift.to, 'long'),
              days: shift.days,
              plan: MILESTONES.map(
                (m) => `${t.t(`capstones.milestone.${m}`)} ${t.date(shift.timeline[m] ?? '', 'long')}`,
              ).join(', '),
            })}
          </p>
          <p>
            {t.t(
              page.can.replanMilestones
                ? 'capstones.page.windowExtendedStaff'
                : 'capstones.page.windowExtendedCandidate',
            )}
          </p>
        </div>
      ) : null}
      {outsideWindow.length && deadline ? (
        <p class="notice notice-warning">
          {t.t('capstones.page.outsideWindow', {
            deadline: t.date(deadline, 'long'),
            milestones: outsideWindow.map((m) => t.t(`capstones.milestone.${m}`)).join(', '),
          })}
        </p>
      ) : null}
    </>
  );
}

/** The supervisor's (or a manager's) form to plan the milestones again, inside the (extended) window. */
function ReplanForm({ ctx, page, errors }: MilestoneProps) {
  const { t } = ctx;
  const deadline = page.standing?.deadline ?? null;
  return (
    <form method="post" action={`/capstones/${page.id}/timeline`} class="stack">
      <h3>{t.t('capstones.page.plannedMilestones')}</h3>
      {deadline ? (
        <p class="hint">{t.t('capstones.page.replanHint', { deadline: t.date(deadline, 'long') })}</p>
      ) : null}
      <Csrf token={ctx.csrf} />
      {MILESTONES.map((m) => (
        <TextField
          type="date"
          name={`${m}Due`}
          label={t.t(`capstones.milestone.${m}`)}
          value={(page.plan.shift?.timeline ?? page.proposal.timeline)[m] ?? ''}
          errors={errors}
        />
      ))}
      <button type="submit">{t.t('capstones.action.replanMilestones')}</button>
    </form>
  );
}
