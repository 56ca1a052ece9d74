/** An edition's groups: staff create and open group sets; participants see their groups and choose in self-selection sets. */
import { Csrf, SelectField, TextField } from '../../../web/components.js';
import type { FieldMessages, PageContext } from '../../../web/page-context.js';
import { When } from '../../spaces/views/space-parts.js';
import type { EditionGroups } from '../get-groups.js';
import { FORMATIONS, MAX_GROUPS } from '../group-sets.js';
import { GroupFrame } from './group-frame.js';

export function GroupsPage({
  ctx,
  page,
  timeZone,
  now,
  values = {},
  errors = {},
}: {
  ctx: PageContext;
  page: EditionGroups;
  timeZone: string;
  now: string;
  values?: Record<string, string>;
  errors?: FieldMessages;
}) {
  const { t } = ctx;
  const { edition, course } = page.access.space;
  const staff = page.access.standing.staff;
  return (
    <GroupFrame
      ctx={ctx}
      editionId={edition.id}
      courseTitle={course.title}
      title={t.t('groups.index.title')}
      errors={errors}
    >
      {page.sets.length === 0 ? <p>{t.t(staff ? 'groups.index.noneStaff' : 'groups.index.none')}</p> : null}
      {page.sets.map((set) => (
        <section class="card" aria-labelledby={`set-${set.row.id}`}>
          <h2 id={`set-${set.row.id}`}>{set.row.name}</h2>
          <p>
            <small>
              {t.t(`groups.formation.${set.row.formation}`)}
              {set.row.formation === 'self' && set.row.capacity !== null
                ? ` · ${t.t('groups.index.capacity', { capacity: set.row.capacity })}`
                : ''}
              {set.row.closes_at ? (
                <>
                  {' · '}
                  {t.t('groups.index.closesAt')} <When t={t} iso={set.row.closes_at} timeZone={timeZone} />
                </>
              ) : null}
            </small>
          </p>
          {staff ? (
            <p>
              <a class="button secondary" href={`/groups/sets/${set.row.id}`}>
                {t.t('groups.index.manage')}
              </a>
            </p>
          ) : null}
          <ul>
            {set.groups.map((g) => {
              const mine = g.id === set.myGroupId;
              const open = set.row.formation === 'self' && (!set.row.closes_at || now < set.row.closes_at);
              const full = set.row.capacity !== null && g.count >= set.row.capacity;
              return (
                <li>
                  {staff || mine ? <a href={`/groups/${g.id}`}>{g.name}</a> : g.name}{' '}
                  <small>{t.t('groups.index.members', { count: g.count })}</small>
                  {mine ? <strong> · {t.t('groups.index.yours')}</strong> : null}
                  {!staff && open && !mine && !full ? (
                    <form method="post" action={`/groups/${g.id}/join`} class="inline">
                      <Csrf token={ctx.csrf} />
                      <button type="submit">{t.t('groups.index.join', { name: g.name })}</button>
                    </form>
                  ) : null}
                  {!staff && open && mine ? (
                    <form method="post" action={`/groups/${g.id}/leave`} class="inline">
                      <Csrf token={ctx.csrf} />
                      <button type="submit" class="secondary">
                        {t.t('groups.index.leave')}
                      </button>
                    </form>
                  ) : null}
                  {!staff && !mine && full ? <small> · {t.t('groups.index.full')}</small> : null}
                </li>
              );
            })}
          </ul>
          {set.peer && set.myGroupId && !staff ? (
            <p>
              <a href={`/groups/sets/${set.row.id}/peer`}>{t.t('groups.peer.rateLink')}</a>
            </p>
          ) : null}
        </section>
      ))}
      {staff ? (
        <section aria-labelledby="new-set">
          <h2 id="new-set">{t.t('groups.create.title')}</h2>
          <form method="post" action={`/spaces/${edition.id}/groups`}>
            <Csrf token={ctx.csrf} />
            <input type="hidden" name="timeZone" value={timeZone} />
            <TextField
              name="name"
              label={t.t('groups.create.name')}
              required
              maxLength={120}
              value={values.name}
              errors={errors}
            />
            <SelectField
              name="formation"
              label={t.t('groups.create.formation')}
              hint={t.t('groups.create.formationHint')}
              value={values.formation ?? 'balanced'}
              options={FORMATIONS.map((f) => ({ value: f, label: t.t(`groups.formation.${f}`) }))}
              errors={errors}
            />
            <TextField
              name="groupCount"
              type="number"
              min={1}
              max={MAX_GROUPS}
              label={t.t('groups.create.groupCount')}
              required
              value={values.groupCount ?? '2'}
              errors={errors}
            />
            <TextField
              name="capacity"
              type="number"
              min={1}
              label={t.t('groups.create.capacity')}
              hint={t.t('groups.create.capacityHint')}
              value={values.capacity}
              errors={errors}
            />
            <TextField
              name="closesAt"
              type="datetime-local"
              label={t.t('groups.create.closesAt')}
              hint={t.t('groups.create.closesAtHint', { zone: timeZone })}
              value={values.closesAt}
              errors={errors}
            />
            <button type="submit">{t.t('groups.create.submit')}</button>
          </form>
        </section>
      ) : null}
    </GroupFrame>
  );
}
