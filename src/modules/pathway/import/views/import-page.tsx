import { Csrf } from '../../../../web/components.js';
import { Layout } from '../../../../web/layout.js';
import type { PageContext } from '../../../../web/page-context.js';
import type { CheckedRow } from '../import-check.js';
import { describeProblem, type ImportView } from '../import-view.js';

/** True while a job is (or will be) working on the import: the page reloads itself. */
export function isImportRunning(view: ImportView): boolean {
  const busy = view.status === 'validating' || view.status === 'committing';
  return busy && view.job !== null && (view.job.status === 'pending' || view.job.status === 'running');
}

/** An import: its progress while a job works on it, then the preview (counts, rows, every problem) or the report. */
export function ImportPage({
  ctx,
  view,
  problem,
  autoRefresh = true,
}: {
  ctx: PageContext;
  view: ImportView;
  problem?: string | undefined;
  /** False when the reader turned the reloading off (`?refresh=off`, WCAG 2.2.1). */
  autoRefresh?: boolean;
}) {
  const { t } = ctx;
  const running = isImportRunning(view);
  const title = t.t('imports.page.title', { file: view.fileName });
  return (
    <Layout ctx={ctx} title={title} refreshSeconds={running && autoRefresh ? 2 : undefined}>
      <p>
        <a href="/manage/imports/new">{t.t('imports.page.back')}</a>
      </p>
      <h1>{title}</h1>
      <p role="status">
        {t.t(`imports.status.${view.status}`)} ·{' '}
        {t.t('imports.page.uploaded', { date: t.dateTime(view.createdAt) })}
      </p>
      {problem ? (
        <p class="error" role="alert">
          {problem}
        </p>
      ) : null}
      {running && view.job ? <JobProgress ctx={ctx} view={view} autoRefresh={autoRefresh} /> : null}
      {view.job?.status === 'failed' && (view.status === 'validating' || view.status === 'committing') ? (
        <p class="error" role="alert">
          {t.t('imports.page.jobFailed')}
        </p>
      ) : null}
      {view.report ? <CommitReportSection ctx={ctx} view={view} /> : null}
      {view.counts && !view.report ? <Counts ctx={ctx} view={view} /> : null}
      {view.canCommit ? (
        <form method="post" action={`/manage/imports/${view.id}/commit`} class="stack narrow">
          <Csrf token={ctx.csrf} />
          <p>{t.t('imports.page.commitHint')}</p>
          <button type="submit">{t.t('imports.page.commit', { count: view.rowCount })}</button>
        </form>
      ) : null}
      {view.status === 'previewed' && view.errorCount > 0 ? <p>{t.t('imports.page.fixAndUpload')}</p> : null}
      {view.problems.length ? <Problems ctx={ctx} view={view} /> : null}
      {view.rows.length && !running ? <PreviewRows ctx={ctx} view={view} /> : null}
    </Layout>
  );
}

function JobProgress({
  ctx,
  view,
  autoRefresh,
}: {
  ctx: PageContext;
  view: ImportView;
  autoRefresh: boolean;
}) {
  const { t } = ctx;
  const job = view.job!;
  const label = view.status === 'validating' ? t.t('imports.page.checking') : t.t('imports.page.committing');
  return (
    <div class="stack">
      <label for="import-progress">{label}</label>
      {job.total > 0 ? (
        <progress id="import-progress" max={job.total} value={job.progress}>
          {t.t('imports.page.progress', { done: job.progress, total: job.total })}
        </progress>
      ) : (
        <progress id="import-progress" />
      )}
      <p>
        {job.total > 0 ? t.t('imports.page.progress', { done: job.progress, total: job.total }) : null}{' '}
        <a href={`/manage/imports/${view.id}${autoRefresh ? '' : '?refresh=off'}`}>
          {t.t('imports.page.reload')}
        </a>
      </p>
      <p>
        {autoRefresh ? (
          <a href={`/manage/imports/${view.id}?refresh=off`}>{t.t('imports.page.stopRefresh')}</a>
        ) : (
          <a href={`/manage/imports/${view.id}`}>{t.t('imports.page.startRefresh')}</a>
        )}
      </p>
    </div>
  );
}

function Counts({ ctx, view }: { ctx: PageContext; view: ImportView }) {
  const { t } = ctx;
  const counts = view.counts!;
  const items: [string, number][] = [
    ['imports.counts.rows', counts.rows],
    ['imports.counts.newResults', counts.newResults],
    ['imports.counts.changedResults', counts.changedResults],
    ['imports.counts.unchangedRows', counts.unchangedRows],
    ['imports.counts.enrolments', counts.enrolments],
    ['imports.counts.legacyRows', counts.legacyRows],
    ['imports.counts.errors', counts.errors],
  ];
  return (
    <>
      <h2>{t.t('imports.page.preview')}</h2>
      <dl class="facts">
        {items.map(([key, value]) => (
          <>
            <dt>{t.t(key)}</dt>
            <dd>{t.number(value)}</dd>
          </>
        ))}
      </dl>
      {counts.enrolments > 0 ? <p>{t.t('imports.page.enrolNote', { count: counts.enrolments })}</p> : null}
    </>
  );
}

function CommitReportSection({ ctx, view }: { ctx: PageContext; view: ImportView }) {
  const { t } = ctx;
  const report = view.report!;
  return (
    <>
      <h2>{t.t('imports.report.title')}</h2>
      <p>{t.t('imports.report.when', { date: t.dateTime(report.committedAt) })}</p>
      <ul>
        <li>{t.t('imports.report.newResults', { count: report.newResults })}</li>
        <li>{t.t('imports.report.changedResults', { count: report.changedResults })}</li>
        <li>{t.t('imports.report.unchangedRows', { count: report.unchangedRows })}</li>
        <li>{t.t('imports.report.enrolments', { count: report.enrolments })}</li>
        <li>{t.t('imports.report.candidacies', { count: report.candidaciesRefreshed })}</li>
      </ul>
    </>
  );
}

function Problems({ ctx, view }: { ctx: PageContext; view: ImportView }) {
  const { t } = ctx;
  return (
    <>
      <h2>{t.t('imports.problems.title', { count: view.errorCount })}</h2>
      <table>
        <caption class="visually-hidden">{t.t('imports.problems.title', { count: view.errorCount })}</caption>
        <thead>
          <tr>
            <th scope="col">{t.t('imports.problems.row')}</th>
            <th scope="col">{t.t('imports.problems.column')}</th>
            <th scope="col">{t.t('imports.problems.message')}</th>
          </tr>
        </thead>
        <tbody>
          {view.problems.map((p) => {
            const d = describeProblem(t, p);
            return (
              <tr>
                <td>{d.line === 0 ? t.t('imports.problems.wholeFile') : t.number(d.line)}</td>
                <td>{d.column}</td>
                <td>{d.message}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {view.moreProblems > 0 ? <p>{t.t('imports.problems.more', { count: view.moreProblems })}</p> : null}
      <p>
        <a href={`/manage/imports/${view.id}/errors.csv`}>{t.t('imports.problems.download')}</a>
      </p>
    </>
  );
}

function changeLabel(ctx: PageContext, row: CheckedRow): string {
  const { t } = ctx;
  if (row.change === null) return t.t('imports.change.error');
  const change = t.t(`imports.change.${row.change}`);
  return row.enrol ? `${change} · ${t.t('imports.change.enrol')}` : change;
}

function PreviewRows({ ctx, view }: { ctx: PageContext; view: ImportView }) {
  const { t } = ctx;
  const outcome = (value: string) =>
    t.has(`result.outcomeValue.${value}`) ? t.t(`result.outcomeValue.${value}`) : value;
  return (
    <>
      <h2>{t.t('imports.rows.title', { count: view.rows.length, total: view.rowCount })}</h2>
      <table>
        <caption class="visually-hidden">
          {t.t('imports.rows.title', { count: view.rows.length, total: view.rowCount })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t.t('imports.problems.row')}</th>
            <th scope="col">{t.t('imports.column.email')}</th>
            <th scope="col">{t.t('imports.column.course')}</th>
            <th scope="col">{t.t('imports.column.edition')}</th>
            <th scope="col">{t.t('imports.column.outcome')}</th>
            <th scope="col">{t.t('imports.column.grade')}</th>
            <th scope="col">{t.t('imports.column.completed_on')}</th>
            <th scope="col">{t.t('imports.rows.effect')}</th>
          </tr>
        </thead>
        <tbody>
          {view.rows.map((row) => (
            <tr>
              <td>{t.number(row.line)}</td>
              <td>{row.email}</td>
              <td>{row.course}</td>
              <td>{row.edition ?? t.t('imports.rows.legacy')}</td>
              <td>{outcome(row.outcome)}</td>
              <td>{row.grade ?? ''}</td>
              <td>{row.completedOn}</td>
              <td>{changeLabel(ctx, row)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
