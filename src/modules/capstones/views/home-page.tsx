import { Layout } from '../../../web/layout.js';
import type { FieldMessages, PageContext } from '../../../web/page-context.js';
import type { Proposal } from '../capstone.js';
import type { CapstoneHome } from '../get-capstone-page.js';
import { ProposalForm, StandingBox } from './capstone-parts.js';

/** The candidate's capstone home before any proposal: what is missing, and the proposal form. */
export function HomePage({
  ctx,
  home,
  errors,
  values,
}: {
  ctx: PageContext;
  home: CapstoneHome;
  errors?: FieldMessages;
  values?: Partial<Proposal> | null;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.t('capstones.home.title')}>
      <h1>{t.t('capstones.home.title')}</h1>
      {home.standing ? (
        <>
          <StandingBox t={t} standing={home.standing} />
          <h2>{t.t('capstones.home.proposal')}</h2>
          <p>{t.t('capstones.home.proposalHint')}</p>
          <ProposalForm
            ctx={ctx}
            action="/capstones/my/proposal"
            proposal={values ?? null}
            courses={home.standing.countedCourses}
            errors={errors ?? {}}
          />
        </>
      ) : (
        <p>{t.t('capstones.home.notCandidate')}</p>
      )}
    </Layout>
  );
}
