/**
 * The benchmark report: rows `{ name, value, unit, ceiling, ratio }` (bench/results/latest.json) and the
 * same as markdown, one section per suite with the machine, the data and the details of each scenario
 * (bench/results/latest.md). PERSISTED SHAPE: tools may read latest.json; keep its field names.
 *
 * Each suite also has its own files (`<suite>-<dialect>.json|md`). latest.* and latest-<dialect>.* are
 * rebuilt from the suite files of the dialect after every run, so that a run of one suite
 * (`--suite pathway`) keeps the other suite's last figures, each section saying when it ran.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { shortfall, shortfallLines } from './goals.js';
import type { LoadResult } from './load.js';
import type { FirstLoad } from './transfer.js';

export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  /** The same measure on the bare ceiling in the same run (for the first-load row: the budget). */
  ceiling: number | null;
  /**
   * Throughput (req/s, rows/s): value ÷ ceiling. Time (latency, seconds, µs): ceiling ÷ value. Both 1 at
   * the ceiling, lower = further from it. For the first-load row: size ÷ budget.
   */
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

/** The suites of `npm run bench`, in the order they run and are reported. */
export const SUITES = [
  'catalogue',
  'pathway',
  'credentials',
  'admissions',
  'lrs',
  'spaces',
  'resilience',
  'verify-flood',
  'webinars',
  'capstones',
  'forums',
  'groups',
  'roleplays',
  'assessment',
] as const;
export type Suite = (typeof SUITES)[number];

/** What one suite hands to the report. */
export interface SuiteReport {
  suite: Suite;
  rows: BenchRow[];
  /** Its markdown section, starting with a `## ` heading. */
  markdown: string;
}

/** The issue's budget for the first load of a catalogue page. */
export const FIRST_LOAD_BUDGET_KB = 50;

export const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** A row where more is better (a rate): ratio = value ÷ ceiling. */
export function rateRow(name: string, value: number, unit: string, ceiling: number, digits = 0): BenchRow {
  return {
    name,
    value: round(value, digits),
    unit,
    ceiling: round(ceiling, digits),
    ratio: ceiling > 0 ? round(value / ceiling, 3) : null,
  };
}

/** A row where less is better (a time): ratio = ceiling ÷ value. */
export function timeRow(name: string, value: number, unit: string, ceiling: number, digits = 2): BenchRow {
  return {
    name,
    value: round(value, digits),
    unit,
    ceiling: round(ceiling, digits),
    ratio: value > 0 ? round(ceiling / value, 3) : null,
  };
}

/**
 * A scenario's name as the report gives it: with its connection count, `… (10 conn.)`, which the checks of
 * issue 17 read (a suite may name it so already).
 */
export function scenarioName(name: string, connections: number): string {
  return name.includes(' conn.)') ? name : `${name} (${connections} conn.)`;
}

/** Two rows per scenario (req/s, p99), each against the ceiling measured at the same number of connections. */
export function loadRows(scenarios: ScenarioResult[]): BenchRow[] {
  const rows: BenchRow[] = [];
  for (const { name: given, connections, result } of scenarios) {
    const name = scenarioName(given, connections);
    const ceiling = scenarios.find((s) => s.ceiling && s.connections === connections)?.result;
    if (!ceiling) throw new Error(`no ceiling measured at ${connections} connections`);
    rows.push(rateRow(`${name}: requests/s`, result.requestsPerSecond, 'req/s', ceiling.requestsPerSecond));
    rows.push(timeRow(`${name}: p99 latency`, result.p99Ms, 'ms', ceiling.p99Ms));
  }
  return rows;
}

/** The catalogue's rows: the load scenarios, then the first-load row. */
export function buildRows(scenarios: ScenarioResult[], firstLoad: FirstLoad): BenchRow[] {
  const kb = firstLoad.totalBytes / 1024;
  return [
    ...loadRows(scenarios),
    {
      name: `first load of /courses (HTML + ${firstLoad.resources.length - 1} assets), budget ${FIRST_LOAD_BUDGET_KB} KB`,
      value: round(kb, 1),
      unit: 'KB',
      ceiling: FIRST_LOAD_BUDGET_KB,
      ratio: round(kb / FIRST_LOAD_BUDGET_KB, 3),
    },
  ];
}

/** The issue's ceiling for the server's resident memory under the bench load (issue 17). */
export const RSS_BUDGET_MB = 300;
const MB = 1024 * 1024;

/**
 * The memory row every suite gets (run.ts adds it): the highest peak resident memory of the suite's server
 * children while they served (`server-process.ts`), in MB (MiB), against the 300 MB ceiling; ratio =
 * value ÷ ceiling, like the first-load budget (below 1 = within it). No child (or no /proc): value 0,
 * ratio null, and the name says so.
 */
export function memoryRow(suite: Suite, peaks: readonly number[]): BenchRow {
  const name = `${suite}: server peak resident memory (RSS) under load, ceiling ${RSS_BUDGET_MB} MB`;
  if (peaks.length === 0)
    return {
      name: `${name} (not measured: no server child)`,
      value: 0,
      unit: 'MB',
      ceiling: null,
      ratio: null,
    };
  const mb = Math.max(...peaks) / MB;
  return {
    name,
    value: round(mb, 1),
    unit: 'MB',
    ceiling: RSS_BUDGET_MB,
    ratio: round(mb / RSS_BUDGET_MB, 3),
  };
}

/** The memory row's line in a suite's markdown section. */
export function memoryLines(row: BenchRow, peaks: readonly number[]): string[] {
  const each = peaks.map((p) => `${round(p / MB, 1)} MB`).join(', ');
  return [
    '### Server memory',
    '',
    ...rowsTable([row]),
    '',
    peaks.length === 0
      ? 'No server child ran in this suite (or /proc could not be read).'
      : `Peak resident memory of each server child from the moment it listened until it stopped (${each}): the ` +
        "kernel's peak (VmHWM, reset as the child starts listening) and VmRSS read every 250 ms, the higher.",
    '',
  ];
}

const cell = (value: number | null) => (value === null ? '–' : String(value));

/** The rows as a markdown table. */
export function rowsTable(rows: BenchRow[]): string[] {
  return [
    '| measure | value | unit | ceiling | ratio | goal |',
    '|---|---:|---|---:|---:|---|',
    ...rows.map((r) => {
      const miss = shortfall(r);
      return `| ${r.name} | ${r.value} | ${r.unit} | ${cell(r.ceiling)} | ${cell(r.ratio)} | ${miss ? `✗ ${miss}` : ''} |`;
    }),
  ];
}

/** The load scenarios' details as a markdown table. */
export function scenarioDetails(scenarios: ScenarioResult[]): string[] {
  return [
    '| scenario | path | connections | responses | p50 ms | p99 ms | max ms | ≈ ms/request | bytes/response | errors | timeouts |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...scenarios
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
  ];
}

/** The catalogue section: context lines, the rows table, then the details. */
export function renderCatalogueSection(input: {
  rows: BenchRow[];
  scenarios: ScenarioResult[];
  firstLoad: FirstLoad;
  context: string[];
}): string {
  const lines = [
    '## Catalogue',
    '',
    ...input.context.map((line) => `- ${line}`),
    '',
    ...rowsTable(input.rows),
    '',
    'ratio: req/s ÷ ceiling req/s; for latency, ceiling p99 ÷ scenario p99 (1 = as fast as the bare route,',
    'lower = further from it). Each page is compared with the ceiling measured at its own connection count.',
    'For the first-load row the "ceiling" is the budget and the ratio is size ÷ budget (below 1 = within it).',
    '',
    '### Scenario details',
    '',
    ...scenarioDetails(input.scenarios),
    '',
    '### First load of /courses',
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

function writeAtomically(path: string, text: string): void {
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
}

/**
 * Writes each suite's files, then rebuilds latest.json/latest.md and latest-<dialect>.* from the suite
 * files of the dialect (the suites of this run and, for a suite not run, its last report). Returns the
 * paths written.
 */
export function writeResults(directory: string, dialect: string, reports: SuiteReport[]): string[] {
  mkdirSync(directory, { recursive: true });
  const written: string[] = [];
  for (const report of reports) {
    for (const [extension, text] of [
      ['json', `${JSON.stringify(report.rows, null, 2)}\n`],
      ['md', report.markdown],
    ] as const) {
      const path = join(directory, `${report.suite}-${dialect}.${extension}`);
      writeAtomically(path, text);
      written.push(path);
    }
  }
  const rows: BenchRow[] = [];
  const sections: string[] = [];
  for (const suite of SUITES) {
    const jsonPath = join(directory, `${suite}-${dialect}.json`);
    const mdPath = join(directory, `${suite}-${dialect}.md`);
    if (!existsSync(jsonPath) || !existsSync(mdPath)) continue;
    rows.push(...(JSON.parse(readFileSync(jsonPath, 'utf8')) as BenchRow[]));
    const ran = reports.some((r) => r.suite === suite);
    sections.push(
      ran
        ? readFileSync(mdPath, 'utf8')
        : readFileSync(mdPath, 'utf8').replace(
            /^## (.*)$/m,
            '## $1 (from an earlier run: not run this time)',
          ),
    );
  }
  const markdown = ['# Diploma Platform benchmark', '', ...shortfallLines(rows), ...sections].join('\n');
  const json = `${JSON.stringify(rows, null, 2)}\n`;
  for (const [name, text] of [
    ['latest.json', json],
    ['latest.md', markdown],
    [`latest-${dialect}.json`, json],
    [`latest-${dialect}.md`, markdown],
  ] as const) {
    const path = join(directory, name);
    writeAtomically(path, text);
    written.push(path);
  }
  return written;
}
