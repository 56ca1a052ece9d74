/** A capstone's milestones recorded as reached, and the supervisor's form to record one. */
import { Csrf, SelectField, TextField } from '../../../web/components.js';
import type { FieldMessages, PageContext } from '../../../web/page-context.js';
import { REACHABLE_MILESTONES } from '../capstones.schemas.js';
import type { CapstonePage } from '../get-capstone-page.js';

export function MilestonesReached({
  ctx,
  page,
  errors,
}: {
  ctx: PageContext;
  page: CapstonePage;
  errors?: FieldMessages | undefined;
}) {
  const { t } = ctx;
  return (
    <section aria-labelledby="milestones-heading">
      <h2 id="milestones-heading">{t.t('capstones.page.milestones')}</h2>
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
    </section>
  );
}
