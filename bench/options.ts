/**
 * The command line of `npm run bench` (see bench/README.md for every option), and what the suites share:
 * printing, the list of things to undo at the end.
 */
import { parseArgs } from 'node:util';
import type { Dialect } from '../src/db/database.js';
import type { CatalogueSize } from './catalogue-data.js';
import { SUITES, type Suite } from './report.js';
import { UsageError } from './usage-error.js';

export interface BenchOptions {
  dialect: Dialect;
  suites: Suite[];
  /** Measured seconds per load scenario. */
  duration: number;
  warmup: number;
  /** For the ceiling route. */
  connections: number;
  /** For the application's pages (see README: fewer keeps their p99 about the page, not the queue). */
  pageConnections: number;
  size: CatalogueSize;
  /** Synthetic candidates of the pathway suite. */
  candidates: number;
  /** Rows of the pathway suite's results file (0: no import scenario). */
  importRows: number;
  /** Credentials in the credentials suite's database (for the verification page). */
  credentials: number;
  /** Certificates the credentials suite issues through the issuance jobs (part of `credentials`). */
  issue: number;
  /** Synthetic applications of the admissions suite. */
  applications: number;
  /** Requests of each kind per round of the resilience suite's soak. */
  soakRequests: number;
  /** Connections of its overload scenario. */
  overloadConnections: number;
  keep: boolean;
}

/** The most credentials the credentials suite generates (they fit the first status list). */
const MAX_CREDENTIALS = 130_000;

export function parseOptions(args?: string[]): BenchOptions {
  const { values } = parseArgs({
    ...(args ? { args } : {}),
    options: {
      dialect: { type: 'string', default: 'sqlite' },
      suite: { type: 'string', default: 'all' },
      duration: { type: 'string', default: '8' },
      warmup: { type: 'string', default: '2' },
      connections: { type: 'string', default: '50' },
      'page-connections': { type: 'string', default: '10' },
      courses: { type: 'string', default: '1000' },
      editions: { type: 'string', default: '10000' },
      seed: { type: 'string', default: '42' },
      candidates: { type: 'string', default: '100000' },
      'import-rows': { type: 'string', default: '100000' },
      credentials: { type: 'string', default: '100000' },
      issue: { type: 'string', default: '10000' },
      applications: { type: 'string', default: '50000' },
      'soak-requests': { type: 'string', default: '5000' },
      'overload-connections': { type: 'string', default: '200' },
      keep: { type: 'boolean', default: false },
    },
  });
  const whole = (name: string, text: string, min: number) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be a whole number ≥ ${min}`);
    return n;
  };
  if (values.dialect !== 'sqlite' && values.dialect !== 'postgres')
    throw new UsageError('--dialect must be sqlite or postgres');
  const suite = values.suite;
  if (suite !== 'all' && !SUITES.includes(suite as Suite))
    throw new UsageError(`--suite must be all, ${SUITES.join(' or ')}`);
  const candidates = whole('candidates', values.candidates, 10);
  const importRows = whole('import-rows', values['import-rows'], 0);
  if (importRows > candidates * 4)
    throw new UsageError(
      '--import-rows may be at most 4 × --candidates (rows are spread over the candidates)',
    );
  const credentials = whole('credentials', values.credentials, 1);
  const issue = whole('issue', values.issue, 10);
  // One pair of status lists (131,072 entries) holds every generated credential's index.
  if (credentials > MAX_CREDENTIALS || issue > credentials)
    throw new UsageError(`--issue ≤ --credentials ≤ ${MAX_CREDENTIALS.toLocaleString('en')}`);
  return {
    dialect: values.dialect as Dialect,
    suites: suite === 'all' ? [...SUITES] : [suite as Suite],
    duration: whole('duration', values.duration, 1),
    warmup: whole('warmup', values.warmup, 0),
    connections: whole('connections', values.connections, 1),
    pageConnections: whole('page-connections', values['page-connections'], 1),
    size: {
      courses: whole('courses', values.courses, 1),
      editions: whole('editions', values.editions, 1),
      seed: whole('seed', values.seed, 0),
    },
    candidates,
    importRows,
    credentials,
    issue,
    applications: whole('applications', values.applications, 100),
    soakRequests: whole('soak-requests', values['soak-requests'], 100),
    overloadConnections: whole('overload-connections', values['overload-connections'], 1),
    keep: values.keep,
  };
}

/** What run.ts gives each suite. */
export interface SuiteHooks {
  say(text: string): void;
  /** Registers something to undo at the end, whatever happens (newest first). */
  onCleanup(undo: () => Promise<void>): void;
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
