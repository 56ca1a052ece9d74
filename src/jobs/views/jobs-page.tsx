import { Csrf, Pagination, SelectField } from '../../web/components.js';
import { Layout } from '../../web/layout.js';
import type { PageContext } from '../../web/page-context.js';
import { JOB_STATUSES } from '../job.js';
import type { JobSummary, JobsPage } from '../list-jobs.js';

function jobLabel(ctx: PageContext, kind: string): string {
  return ctx.t.has(`jobs.kind.${kind}`) ? ctx.t.t(`jobs.kind.${kind}`) : kind;
}

function JobRowView({ ctx, job, canRetry }: { ctx: PageContext; job: JobSummary; canRetry: boolean }) {
  const { t } = ctx;
  return (
    <tr>
      <td>
        {jobLabel(ctx, job.kind)}
        <br />
        <small>
          <code>{job.id}</code>
        </small>
      </td>
      <td>{t.t(`jobs.status.${job.status}`)}</td>
      <td>{t.t('jobs.attemptsOf', { attempts: job.attempts, max: job.maxAttempts })}</td>
      <td>
        {job.total > 0 ? (
          <progress max={job.total} value={job.progress} aria-label={t.t('jobs.progressOf', { id: job.id })}>
            {t.t('jobs.progressValue', { done: job.progress, total: job.total })}
          </progress>
        ) : null}
        {job.total > 0 ? (
          <small> {t.t('jobs.progressValue', { done: job.progress, total: job.total })}</small>
        ) : null}
      </td>
      <td>{t.dateTime(job.createdAt)}</td>
      <td>
        {job.lastError ? <pre class="job-error">{job.lastError}</pre> : null}
        {canRetry && job.status === 'failed' ? (
          <form method="post" action={`/admin/jobs/${job.id}/retry`} class="inline">
            <Csrf token={ctx.csrf} />
            <button type="submit">{t.t('jobs.retry')}</button>
          </form>
        ) : null}
      </td>
    </tr>
  );
}

/** Administrators: the recent jobs with their state, attempts, progress and last error; retry failed ones. */
export function JobsListPage({
  ctx,
  result,
  canRetry,
  problem,
}: {
  ctx: PageContext;
  result: JobsPage;
  canRetry: boolean;
  problem?: string | undefined;
}) {
  const { t } = ctx;
  const href = (page: number) => {
    const params = new URLSearchParams();
    if (result.query.status) params.set('status', result.query.status);
    params.set('page', String(page));
    return `/admin/jobs?${params}`;
  };
  return (
    <Layout ctx={ctx} title={t.t('jobs.title')}>
      <h1>{t.t('jobs.title')}</h1>
      <p>{t.t('jobs.intro')}</p>
      {problem ? (
        <p class="error" role="alert">
          {problem}
        </p>
      ) : null}
      <form method="get" action="/admin/jobs" class="filters" role="search">
        <SelectField
          name="status"
          label={t.t('jobs.statusFilter')}
          value={result.query.status ?? ''}
          options={JOB_STATUSES.map((s) => ({ value: s, label: t.t(`jobs.status.${s}`) }))}
          empty={t.t('jobs.anyStatus')}
        />
        <button type="submit">{t.t('jobs.filter')}</button>
      </form>
      <p>{t.t('jobs.count', { count: result.total })}</p>
      <table>
        <caption class="visually-hidden">{t.t('jobs.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t.t('jobs.kindColumn')}</th>
            <th scope="col">{t.t('jobs.statusColumn')}</th>
            <th scope="col">{t.t('jobs.attempts')}</th>
            <th scope="col">{t.t('jobs.progress')}</th>
            <th scope="col">{t.t('jobs.created')}</th>
            <th scope="col">{t.t('jobs.lastError')}</th>
          </tr>
        </thead>
        <tbody>
          {result.jobs.map((job) => (
            <JobRowView ctx={ctx} job={job} canRetry={canRetry} />
          ))}
        </tbody>
      </table>
      <Pagination t={t} page={result.page} pageCount={result.pageCount} href={href} />
    </Layout>
  );
}
