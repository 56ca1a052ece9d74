import { Layout } from '../../../web/layout.js';
import type { PageContext } from '../../../web/page-context.js';
import type { MyStanding } from '../get-my-standing.js';
import { markText, percent, Title } from './result-parts.js';

/** A participant's page: the formula in words, their marks, their live result and what they still need. */
export function MyStandingPage({ ctx, standing }: { ctx: PageContext; standing: MyStanding }) {
  const { t } = ctx;
  const title = t.t('results.mine.title');
  const policy = standing.policy?.policy;
  const titleOf = (id: string) => standing.components.find((c) => c.id === id);
  const conditionText = (gate: string): string => {
    if (gate === 'requiredItemsComplete') return t.t('results.mine.condition.requiredItemsComplete');
    if (gate === 'attendance')
      return t.t('results.mine.condition.attendance', { min: percent(t, policy?.gates.minAttendance ?? 0) });
    const component = titleOf(gate);
    const item = component ? (component.title[ctx.locale] ?? component.title.en ?? gate) : gate;
    return t.t('results.mine.condition.minMark', { min: percent(t, component?.minMark ?? 0), item });
  };
  return (
    <Layout ctx={ctx} title={title}>
      <p class="breadcrumb">
        <a href={`/spaces/${standing.edition.id}`}>
          <Title value={standing.edition.courseTitle} locale={ctx.locale} />
        </a>
      </p>
      <h1>{title}</h1>
      {standing.finalised ? (
        <p role="status">
          {t.t('results.mine.finalised', {
            date: t.dateTime(standing.finalised.finalisedAt),
            outcome: t.t(`results.outcome.${standing.finalised.outcome}`),
          })}
        </p>
      ) : null}
      {!policy || !standing.row ? (
        <p>{t.t('results.mine.noPolicy')}</p>
      ) : (
        <>
          <h2>{t.t('results.mine.formula')}</h2>
          <p>{t.t('results.mine.formulaText')}</p>
          <ul>
            <li>{t.t('results.mine.passMark', { passMark: percent(t, policy.passMark) })}</li>
            {policy.gates.requiredItemsComplete ? <li>{conditionText('requiredItemsComplete')}</li> : null}
            {policy.gates.minAttendance !== null ? <li>{conditionText('attendance')}</li> : null}
            {policy.components
              .filter((c) => c.minMark !== null)
              .map((c) => (
                <li>{conditionText(c.id)}</li>
              ))}
            <li>
              {t.t('results.mine.participation', { min: percent(t, policy.participation.minAttendance) })}
            </li>
          </ul>
          <h2>{t.t('results.mine.yourMarks')}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{t.t('results.policy.item')}</th>
                <th scope="col">{t.t('results.policy.weight')}</th>
                <th scope="col">{t.t('results.mine.mark')}</th>
              </tr>
            </thead>
            <tbody>
              {standing.components.map((c, index) => (
                <tr>
                  <th scope="row">
                    <Title value={c.title} locale={ctx.locale} fallback={c.id} />{' '}
                    <small>({t.t('results.mine.cutoff', { date: t.date(c.cutoff) })})</small>
                  </th>
                  <td>{c.weight}</td>
                  <td>
                    {markText(t, standing.row?.cells[index]?.mark ?? null, t.t('results.mine.notMarked'))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            {standing.row.result.total === null
              ? t.t('results.mine.noTotal')
              : t.t('results.mine.total', { total: percent(t, standing.row.result.total) })}
          </p>
          <p>
            {t.t('results.mine.outcomeNow', {
              outcome: t.t(`results.outcome.${standing.row.result.outcome}`),
            })}
          </p>
          <h2>{t.t('results.mine.stillNeed')}</h2>
          <ul>
            {standing.needed?.gates.map((gate) => (
              <li>{t.t('results.mine.needGate', { condition: conditionText(gate) })}</li>
            ))}
            {standing.needed && standing.needed.awaited.length > 0 ? (
              <li>
                {standing.needed.markOnRemaining === null
                  ? t.t('results.mine.cannotReach')
                  : standing.needed.markOnRemaining === 0
                    ? t.t('results.mine.reached')
                    : t.t('results.mine.needMark', { mark: percent(t, standing.needed.markOnRemaining) })}
              </li>
            ) : null}
            {standing.needed && standing.needed.gates.length === 0 && standing.needed.awaited.length === 0 ? (
              <li>{t.t('results.mine.nothing')}</li>
            ) : null}
          </ul>
        </>
      )}
    </Layout>
  );
}
