/** A group set for staff: its groups and members, placing people, forming again, the peer evaluation and its results. */
import { Csrf, SelectField, TextArea, TextField } from '../../../web/components.js';
import type { FieldMessages, PageContext } from '../../../web/page-context.js';
import { When } from '../../spaces/views/space-parts.js';
import type { EditionGroups } from '../get-groups.js';
import type { PeerResults } from '../peer-evaluations.js';
import { GroupFrame } from './group-frame.js';

export function SetPage({
  ctx,
  page,
  setId,
  results,
  timeZone,
  values = {},
  errors = {},
}: {
  ctx: PageContext;
  page: EditionGroups;
  setId: string;
  results: PeerResults;
  timeZone: string;
  values?: Record<string, string>;
  errors?: FieldMessages;
}) {
  const { t } = ctx;
  const { edition, course } = page.access.space;
  const set = page.sets.find((s) => s.row.id === setId);
  if (!set) return null;
  const base = `/groups/sets/${setId}`;
  const groupOf = new Map(set.groups.flatMap((g) => g.memberIds.map((id) => [id, g.id] as const)));
  const unplaced = page.people.filter((p) => !groupOf.has(p.id));
  const fmt = (v: number | null) => (v === null ? '–' : t.intl.formatNumber(v, { maximumFractionDigits: 2 }));
  return (
    <GroupFrame
      ctx={ctx}
      editionId={edition.id}
      courseTitle={course.title}
      title={set.row.name}
      errors={errors}
      trail={[{ href: `/spaces/${edition.id}/groups`, label: t.t('groups.index.title') }]}
    >
      <p>{t.t(`groups.formation.${set.row.formation}`)}</p>
      <div class="group-grid">
        {set.groups.map((g) => (
          <section class="card" aria-labelledby={`g-${g.id}`}>
            <h2 id={`g-${g.id}`}>
              <a href={`/groups/${g.id}`}>{g.name}</a>
            </h2>
            <ul>
              {g.memberIds.map((id) => (
                <li>{page.names.get(id)?.fullName ?? id}</li>
              ))}
            </ul>
            {g.memberIds.length === 0 ? <p>{t.t('groups.set.empty')}</p> : null}
          </section>
        ))}
      </div>
      {unplaced.length ? (
        <p>
          {t.t('groups.set.unplaced', { count: unplaced.length })}{' '}
          {unplaced.map((p) => p.fullName).join(', ')}
        </p>
      ) : null}
      <section aria-labelledby="place-heading">
        <h2 id="place-heading">{t.t('groups.set.place')}</h2>
        <form method="post" action={`${base}/members`}>
          <Csrf token={ctx.csrf} />
          <SelectField
            name="userId"
            label={t.t('groups.set.person')}
            value={values.userId ?? ''}
            empty=""
            options={page.people.map((p) => ({ value: p.id, label: `${p.fullName} (${p.email})` }))}
            errors={errors}
          />
          <SelectField
            name="groupId"
            label={t.t('groups.set.group')}
            value={values.groupId ?? ''}
            empty={t.t('groups.set.noGroup')}
            options={set.groups.map((g) => ({ value: g.id, label: g.name }))}
            errors={errors}
          />
          <button type="submit">{t.t('groups.set.placeSubmit')}</button>
        </form>
        {set.row.formation === 'random' || set.row.formation === 'balanced' ? (
          <form method="post" action={`${base}/form`}>
            <Csrf token={ctx.csrf} />
            <p class="hint">{t.t('groups.set.formAgainHint')}</p>
            <button type="submit" class="secondary">
              {t.t('groups.set.formAgain')}
            </button>
          </form>
        ) : null}
      </section>
      <section aria-labelledby="peer-heading">
        <h2 id="peer-heading">{t.t('groups.peer.title')}</h2>
        {results.evaluation ? (
          <p>
            {t.t(`groups.peer.state.${results.state}`)} ({t.t('groups.peer.until')}{' '}
            <When t={t} iso={results.evaluation.closes_at} timeZone={timeZone} />)
          </p>
        ) : (
          <p>{t.t('groups.peer.notOpened')}</p>
        )}
        <form method="post" action={`${base}/peer`}>
          <Csrf token={ctx.csrf} />
          <input type="hidden" name="timeZone" value={timeZone} />
          <TextArea
            name="criteria"
            label={t.t('groups.peer.criteria')}
            hint={t.t('groups.peer.criteriaHint')}
            value={values.criteria ?? results.evaluation?.criteria ?? ''}
            errors={errors}
          />
          <TextField
            name="opensAt"
            type="datetime-local"
            label={t.t('groups.peer.opensAt')}
            value={values.opensAt}
            errors={errors}
          />
          <TextField
            name="closesAt"
            type="datetime-local"
            label={t.t('groups.peer.closesAt')}
            required
            value={values.closesAt}
            errors={errors}
          />
          <button type="submit">{t.t('groups.peer.open')}</button>
        </form>
        {results.evaluation ? (
          <>
            <p class="hint">{t.t('groups.peer.rule')}</p>
            <table>
              <caption>{t.t('groups.peer.results')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.t('groups.set.group')}</th>
                  <th scope="col">{t.t('groups.set.person')}</th>
                  <th scope="col">{t.t('groups.peer.received')}</th>
                  <th scope="col">{t.t('groups.peer.self')}</th>
                  <th scope="col">{t.t('groups.peer.groupMean')}</th>
                  <th scope="col">{t.t('groups.peer.factor')}</th>
                  <th scope="col">{t.t('groups.peer.flags')}</th>
                </tr>
              </thead>
              <tbody>
                {results.groups.flatMap((g) =>
                  g.members.map((m) => (
                    <tr>
                      <td>{g.group.name}</td>
                      <td>{m.fullName}</td>
                      <td>
                        {fmt(m.received)} <small>({t.t('groups.peer.raters', { count: m.raters })})</small>
                      </td>
                      <td>{fmt(m.self)}</td>
                      <td>{fmt(g.groupMean)}</td>
                      <td>{t.intl.formatNumber(m.factor, { maximumFractionDigits: 2 })}</td>
                      <td>{m.flags.map((f) => t.t(`groups.peer.flag.${f}`)).join(' · ')}</td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
            <p>
              <a href={`${base}/peer.csv`}>{t.t('groups.peer.export')}</a>
            </p>
          </>
        ) : null}
      </section>
      <form method="post" action={`${base}/delete`}>
        <Csrf token={ctx.csrf} />
        <button type="submit" class="danger">
          {t.t('groups.set.delete')}
        </button>
      </form>
    </GroupFrame>
  );
}
