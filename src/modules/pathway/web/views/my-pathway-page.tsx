import { pickLocalized } from '../../../../i18n/localized.js';
import { Localized } from '../../../../web/components.js';
import { Layout } from '../../../../web/layout.js';
import type { PageContext } from '../../../../web/page-context.js';
import type { CapstoneWarnings } from '../../../capstones/capstones.queries.js';
import { capstoneWarningText } from '../../../capstones/views/capstone-warnings.js';
import { EditionsTable } from '../../../catalogue/views/edition-summary.js';
import type { CurrentSpace } from '../../../spaces/spaces.queries.js';
import { CurrentSpacesPanel } from '../../../spaces/views/current-spaces-panel.js';
import type { DashboardPathway } from '../../candidates/get-my-dashboard.js';
import type { AtRiskItem } from '../../rules/evaluation.js';
import { displayStatus } from '../../rules/pathway-status.js';
import {
  AtRiskList,
  type MoreRisk,
  RequirementChecklist,
  StandingFacts,
  StatusBadge,
  type TitleLookup,
  WhyNotYet,
} from './pathway-components.js';

interface Props {
  ctx: PageContext;
  pathways: readonly DashboardPathway[];
  titles: TitleLookup;
  rules: Map<string, Map<string, string[]>>;
  today: string;
  /** The person's current course spaces (from the spaces module). */
  spaces?: readonly CurrentSpace[];
  /** Each candidacy's capstone warnings (from the capstones module). */
  capstones?: ReadonlyMap<string, CapstoneWarnings>;
}

/**
 * A capstone's milestones near or past, as lines of what is at risk; its window's end only when the
 * pathway does not already warn of the deadline.
 */
function capstoneRisks(
  ctx: PageContext,
  atRisk: readonly AtRiskItem[],
  capstone: CapstoneWarnings | undefined,
): MoreRisk[] {
  if (!capstone) return [];
  const deadlineWarned = atRisk.some((item) => item.kind === 'deadline-soon');
  return capstone.warnings
    .filter((warning) => warning.kind !== 'window' || !deadlineWarned)
    .map((warning) => ({
      text: ctx.t.t('risk.capstone', { warning: capstoneWarningText(ctx.t, warning) }),
      href: `/capstones/${encodeURIComponent(capstone.capstoneId)}`,
    }));
}

/** The candidate's dashboard: where they stand on the way to each diploma, and what to do next. */
export function MyPathwayPage({ ctx, pathways, titles, rules, today, spaces = [], capstones }: Props) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.t('myPathway.title')}>
      <h1>{t.t('myPathway.title')}</h1>
      <CurrentSpacesPanel t={t} spaces={spaces} />
      {pathways.length === 0 ? (
        <p>
          {t.t('myPathway.none')} <a href="/programmes/labour-migration">{t.t('myPathway.discover')}</a>
        </p>
      ) : null}
      {pathways.map(({ detail, nextEditions, nextInOtherLanguages }) => (
        <section class="pathway" aria-labelledby={`programme-${detail.id}`}>
          <h2 id={`programme-${detail.id}`}>
            <Localized t={t} text={pickLocalized(detail.programme.title, ctx.locale)} />{' '}
            <StatusBadge t={t} status={displayStatus(detail.status, detail.evaluation.status)} />
          </h2>
          <AtRiskList
            t={t}
            items={detail.evaluation.atRisk}
            titles={titles}
            more={capstoneRisks(ctx, detail.evaluation.atRisk, capstones?.get(detail.id))}
          />
          <div class="columns">
            <div>
              <h3>{t.t('myPathway.checklist')}</h3>
              <RequirementChecklist
                t={t}
                evaluation={detail.evaluation}
                titles={titles}
                rules={rules.get(detail.id) ?? new Map()}
              />
            </div>
            <div>
              <h3>{t.t('myPathway.standing')}</h3>
              <StandingFacts t={t} evaluation={detail.evaluation} today={today} />
              <h3>{detail.evaluation.awardable ? t.t('myPathway.done') : t.t('myPathway.whyNotYet')}</h3>
              <WhyNotYet t={t} evaluation={detail.evaluation} />
            </div>
          </div>
          <h3>{t.t('myPathway.next')}</h3>
          {nextEditions.length ? (
            <EditionsTable
              t={t}
              editions={nextEditions}
              today={today}
              caption={t.t(
                nextInOtherLanguages ? 'myPathway.nextCaptionOtherLanguages' : 'myPathway.nextCaption',
              )}
              showCourse
            />
          ) : (
            <p>
              {detail.evaluation.awardable ? t.t('myPathway.nothingNext') : t.t('myPathway.noOpenEditions')}
            </p>
          )}
        </section>
      ))}
    </Layout>
  );
}
