/**
 * The benchmark report: rows `{ name, value, unit, ceiling, ratio }` (bench/results/latest.json) and the
 * same as a markdown table with the machine, the data and the details of each scenario
 * (bench/results/latest.md). PERSISTED SHAPE: tools may read latest.json; keep its field names.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LoadResult } from './load.js';
import type { FirstLoad } from './transfer.js';

export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  /** The same measure on the bare ceiling route in the same run (for the first-load row: the budget). */
  ceiling: number | null;
  /** req/s: value ÷ ceiling. Latency: ceiling ÷ value. Both 1 at the ceiling, lower = further from it. */
  ratio: number | null;
}

export interface ScenarioResult {
  name: string;
  path: string;
  connections: number;
  /** True for the bare ceiling route. */
  ceiling: boolean;
  result: LoadResult;
}

/** The budget for the first load of a catalogue page. */
export const FIRST_LOAD_BUDGET_KB = 50;

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * Two rows per scenario (req/s, p99), each against the ceiling measured at the same number of connections
 * in the same run, then the first-load row.
 */
export function buildRows(scenarios: ScenarioResult[], firstLoad: FirstLoad): BenchRow[] {
  const rows: BenchRow[] = [];
  for (const { name, connections, result } of scenarios) {
    const ceiling = scenarios.find((s) => s.ceiling && s.connections === connections)?.result;
    if (!ceiling) throw new Error(`no ceiling measured at ${connections} connections`);
    rows.push({
      name: `${name}: requests/s`,
      value: round(result.requestsPerSecond, 0),
      unit: 'req/s',
      ceiling: round(ceiling.requestsPerSecond, 0),
      ratio: round(result.requestsPerSecond / ceiling.requestsPerSecond, 3),
    });
    rows.push({
      name: `${name}: p99 latency`,
      value: round(result.p99Ms, 2),
      unit: 'ms',
      ceiling: round(ceiling.p99Ms, 2),
      ratio: result.p99Ms > 0 ? round(ceiling.p99Ms / result.p99Ms, 3) : null,
    });
  }
  const kb = firstLoad.totalBytes / 1024;
  rows.push({
    name: `first load of /courses (HTML + ${firstLoad.resources.length - 1} assets), budget ${FIRST_LOAD_BUDGET_KB} KB`,
    value: round(kb, 1),
    unit: 'KB',
    ceiling: FIRST_LOAD_BUDGET_KB,
    ratio: round(kb / FIRST_LOAD_BUDGET_KB, 3),
  });
  return rows;
}

const cell = (value: number | null) => (value === null ? '–' : String(value));

/** The markdown report: context lines, the rows table, then the details. */
export function renderMarkdown(input: {
  rows: BenchRow[];
  scenarios: ScenarioResult[];
  firstLoad: FirstLoad;
  context: string[];
}): string {
  const lines = [
    '# Diploma Platform benchmark',
    '',
    ...input.context.map((line) => `- ${line}`),
    '',
    '| measure | value | unit | ceiling | ratio |',
    '|---|---:|---|---:|---:|',
    ...input.rows.map(
      (r) => `| ${r.name} | ${r.value} | ${r.unit} | ${cell(r.ceiling)} | ${cell(r.ratio)} |`,
    ),
    '',
    'ratio: req/s ÷ ceiling req/s; for latency, ceiling p99 ÷ scenario p99 (1 = as fast as the bare route,',
    'lower = further from it). Each page is compared with the ceiling measured at its own connection count.',
    'For the first-load row the "ceiling" is the budget and the ratio is size ÷ budget (below 1 = within it).',
    '',
    '## Scenario details',
    '',
    '| scenario | path | connections | responses | p50 ms | p99 ms | max ms | ≈ ms/request | bytes/response | errors | timeouts |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...input.scenarios
      .map(({ name, path, connections, result: r }) =>
        [
          name,
          `\`${path}\``,
          connections,
          r.responses,
          round(r.p50Ms, 2),
          round(r.p99Ms, 2),
          round(r.maxMs, 1),
          round(1000 / r.requestsPerSecond, 3),
          Math.round(r.bytesPerResponse),
          r.errors,
          r.timeouts,
        ].join(' | '),
      )
      .map((row) => `| ${row} |`),
    '',
    '≈ ms/request = 1000 ÷ req/s: the server time one request costs while the single-threaded server is saturated.',
    '',
    '## First load of /courses',
    '',
    '| resource | status | headers (bytes) | body (bytes) | content-encoding |',
    '|---|---:|---:|---:|---|',
    ...input.firstLoad.resources.map(
      (r) =>
        `| \`${r.path}\` | ${r.status} | ${r.headerBytes} | ${r.bodyBytes} | ${r.contentEncoding ?? 'none'} |`,
    ),
    `| total | | | ${input.firstLoad.totalBytes} bytes = ${round(input.firstLoad.totalBytes / 1024, 1)} KB | |`,
    '',
  ];
  return lines.join('\n');
}

/** Writes latest.json/latest.md and a copy per dialect, each through a temporary file and a rename. */
export function writeResults(
  directory: string,
  dialect: string,
  rows: BenchRow[],
  markdown: string,
): string[] {
  mkdirSync(directory, { recursive: true });
  const json = `${JSON.stringify(rows, null, 2)}\n`;
  const written: string[] = [];
  for (const [name, text] of [
    ['latest.json', json],
    ['latest.md', markdown],
    [`latest-${dialect}.json`, json],
    [`latest-${dialect}.md`, markdown],
  ] as const) {
    const path = join(directory, name);
    writeFileSync(`${path}.tmp`, text);
    renameSync(`${path}.tmp`, path);
    written.push(path);
  }
  return written;
}
