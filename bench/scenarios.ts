/**
 * HTTP load scenarios shared by the suites: the bare ceiling at each connection count, the check that a
 * page answers what it should before it is measured, and the measuring loop.
 */
import { type LoadOptions, measure } from './load.js';
import type { BenchOptions } from './options.js';
import { CEILING_PATH } from './protocol.js';
import type { ScenarioResult } from './report.js';

export interface Scenario {
  name: string;
  path: string;
  connections: number;
  /** Text the page must contain before it is measured (so a 200 of the wrong page is caught). */
  expect: string;
  /** Request headers (the session cookie of a signed-in page). */
  headers?: Record<string, string>;
  /** A new path for each request (`path` is then the sample checked before measuring). */
  nextPath?: () => string;
}

/**
 * The bare ceiling at `--page-connections`, the concurrency of every page scenario, so each page is compared
 * with a ceiling measured at its own concurrency in the same suite. The machine's figure at `--connections`
 * (50 by default) is measured once per run, by the catalogue suite (`withMachineFigure`): measuring it in
 * every suite cost 12 s each and no row is compared with it (issue 17: the whole bench within 20 minutes).
 */
export function ceilingScenarios(
  options: BenchOptions,
  prefix = '',
  { withMachineFigure = false }: { withMachineFigure?: boolean } = {},
): Scenario[] {
  const counts = withMachineFigure
    ? [options.connections, options.pageConnections]
    : [options.pageConnections];
  return [...new Set(counts)].map((connections) => ({
    name: `${prefix}ceiling (${connections} conn.)`,
    path: CEILING_PATH,
    connections,
    expect: 'bench ceiling',
  }));
}

export async function checkPage(origin: string, scenario: Scenario): Promise<void> {
  const response = await fetch(origin + scenario.path, {
    headers: scenario.headers ?? {},
    redirect: 'manual',
    signal: AbortSignal.timeout(30_000),
  });
  const body = await response.text();
  if (response.status !== 200 || !body.includes(scenario.expect))
    throw new Error(
      `${scenario.name}: ${scenario.path} answered ${response.status} without "${scenario.expect}"; not measured`,
    );
}

/** Measures each scenario in turn (warm-up, then the measured run); prints a line for each. */
export async function runScenarios(
  origin: string,
  scenarios: Scenario[],
  options: BenchOptions,
  say: (text: string) => void,
): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = [];
  for (const scenario of scenarios) {
    say(`→ ${scenario.name} ${scenario.path}`);
    const load: LoadOptions = {
      connections: scenario.connections,
      duration: options.duration,
      warmup: options.warmup,
      ...(scenario.headers ? { headers: scenario.headers } : {}),
      ...(scenario.nextPath ? { nextPath: scenario.nextPath } : {}),
    };
    const result = await measure(origin + scenario.path, load);
    say(
      `  ${Math.round(result.requestsPerSecond)} req/s, p50 ${result.p50Ms.toFixed(2)} ms, p99 ${result.p99Ms.toFixed(2)} ms` +
        (result.errors || result.timeouts ? `, ${result.errors} errors, ${result.timeouts} timeouts` : ''),
    );
    const { name, path, connections } = scenario;
    results.push({ name, path, connections, ceiling: path === CEILING_PATH, result });
  }
  return results;
}
