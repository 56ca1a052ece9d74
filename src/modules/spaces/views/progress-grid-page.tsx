import { pickLocalized } from '../../../i18n/localized.js';
import { escapeHtml, SelectField, TextField } from '../../../web/components.js';
import { Layout } from '../../../web/layout.js';
import type { PageContext } from '../../../web/page-context.js';
import type { GridCell, ProgressGrid } from '../get-progress-grid.js';
import { Text } from './space-parts.js';

const MARKS: Record<GridCell['state'], string> = { done: '✓', started: '…', none: '·' };

/**
 * The grid's body as HTML, byte for byte what preact rendered from the same markup, without a virtual node
 * per cell: a grid of 300 people × 40 items has 12,000 cells but only a few distinct ones (a state and a
 * score), each made once per page; a row is its person's name and those strings joined. Rendering the cells
 * as components cost most of the page's server time.
 */
function gridRowsHtml(ctx: PageContext, rows: ProgressGrid['rows']): string {
  const labels = {
    done: escapeHtml(ctx.t.t('spaces.grid.state.done')),
    started: escapeHtml(ctx.t.t('spaces.grid.state.started')),
    none: escapeHtml(ctx.t.t('spaces.grid.state.none')),
  };
  const cells = new Map<string, string>();
  const cellHtml = (cell: GridCell) => {
    const key = cell.score === null ? cell.state : `${cell.state}|${cell.score}`;
    let html = cells.get(key);
    if (html === undefined) {
      const score = cell.score === null ? '' : escapeHtml(` ${ctx.t.number(cell.score / 100)} %`);
      html = `<td class="grid-${cell.state}"><span aria-hidden="true">${MARKS[cell.state]}</span><span class="visually-hidden">${labels[cell.state]}</span>${score}</td>`;
      cells.set(key, html);
    }
    return html;
  };
  const parts: string[] = [];
  for (const row of rows) {
    parts.push(`<tr><th scope="row">${escapeHtml(row.fullName)}</th>`);
    for (const cell of row.cells) parts.push(cellHtml(cell));
    parts.push(`<td>${row.tally.requiredDone}/${row.tally.requiredTotal} (${row.percent} %)</td></tr>`);
  }
  return parts.join('');
}

/** People × items: who did what, with filters (GET, works without JavaScript) and the CSV export. */
export function ProgressGridPage({ ctx, grid }: { ctx: PageContext; grid: ProgressGrid }) {
  const { t } = ctx;
  const base = `/spaces/${grid.edition.id}`;
  const title = t.t('spaces.grid.open');
  const query = new URLSearchParams(grid.filter).toString();
  return (
    <Layout ctx={ctx} title={title}>
      <p class="breadcrumb">
        <a href={base}>
          <Text value={grid.edition.courseTitle} locale={ctx.locale} />
        </a>
      </p>
      <h1>{title}</h1>
      <form method="get" action={`${base}/progress`} class="inline-form">
        <SelectField
          name="section"
          label={t.t('spaces.build.section')}
          value={grid.filter.section}
          options={grid.sections.map((s) => ({
            value: s.id,
            label: pickLocalized(s.title, ctx.locale).text,
          }))}
          empty={t.t('spaces.grid.allSections')}
        />
        <SelectField
          name="status"
          label={t.t('spaces.grid.status')}
          value={grid.filter.status}
          options={(['behind', 'complete'] as const).map((s) => ({
            value: s,
            label: t.t(`spaces.grid.filter.${s}`),
          }))}
          empty={t.t('spaces.grid.everyone')}
        />
        <TextField name="q" type="search" label={t.t('spaces.grid.search')} value={grid.filter.q} />
        <button type="submit" class="secondary">
          {t.t('spaces.grid.apply')}
        </button>
      </form>
      <p>
        {t.t('spaces.grid.count', { shown: grid.rows.length, total: grid.total })} ·{' '}
        <a href={`${base}/progress.csv?${query}`} download>
          {t.t('spaces.grid.csv')}
        </a>
      </p>
      <div class="progress-grid">
        <table>
          <caption class="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t.t('spaces.grid.person')}</th>
              {grid.items.map((item) => (
                <th scope="col">
                  <a href={`${base}/items/${item.id}`}>
                    <Text value={item.title} locale={ctx.locale} />
                  </a>
                  {item.required ? <small> *</small> : null}
                </th>
              ))}
              <th scope="col">{t.t('spaces.grid.required')}</th>
            </tr>
          </thead>
          <tbody dangerouslySetInnerHTML={{ __html: gridRowsHtml(ctx, grid.rows) }} />
        </table>
      </div>
      <p>
        <small>{t.t('spaces.grid.legend')}</small>
      </p>
    </Layout>
  );
}
