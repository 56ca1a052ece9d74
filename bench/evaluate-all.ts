/**
 * The pathway suite's evaluate-all measure alone, on a kept pathway database (`npm run bench -- --suite
 * pathway --keep`; generating 100,000 candidates takes minutes on PostgreSQL, this takes seconds): the
 * same `measureEvaluateAll` the suite runs (a warm-up, then each run of `visitProgrammeEvaluations`, the
 * same keeping every evaluation, the loading alone and the raw driver's ceiling), plus each loading
 * statement timed on its own. It only reads.
 *
 *   DATABASE_URL=postgres://…/diploma_bench_xxxx DATA_DIR=/tmp/any npx tsx bench/evaluate-all.ts \
 *     [--runs 3] [--profile /tmp/prof]
 *
 * `--profile DIR`: a CPU profile of one more run of `visitProgrammeEvaluations` (DIR/evaluate-all.cpuprofile;
 * `npx tsx bench/profile-summary.ts DIR/evaluate-all.cpuprofile 40`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createDeps } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { systemActor } from '../src/kernel/actor.js';
import { toDateString } from '../src/kernel/clock.js';
import { visitProgrammeEvaluations } from '../src/modules/pathway/standing.js';
import { DEMO_PROGRAMME_SLUG } from '../src/modules/programmes/demo/demo-programme.js';
import { getProgramme } from '../src/modules/programmes/get-programme.js';
import { measureEvaluateAll, timeLoadingStatements } from './pathway-measures.js';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '3' }, profile: { type: 'string' } },
});
const config = loadConfig({ ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent' });
// Migrated first: a database kept by an older bench run may lack a newer index.
const deps = await createDeps(config, { migrate: true });
const target = config.database;
const url = target.dialect === 'sqlite' ? target.filename : target.connectionString;
const programme = await getProgramme(deps.db, deps, systemActor('bench'), DEMO_PROGRAMME_SLUG);
const today = toDateString(deps.clock.now());
const s = (ms: number) => `${(ms / 1000).toFixed(3)} s`;
const loadBefore = loadavg()[0]!;
const result = await measureEvaluateAll(
  deps,
  { dialect: target.dialect, url },
  programme.id,
  today,
  Number(values.runs),
);
process.stdout.write(
  `${target.dialect}: ${result.candidates} candidates; visit runs ${result.runsMs.map(s).join(', ')} ` +
    `(median ${s(result.medianMs)}); kept in a Map ${s(result.keptMs)}; loading ${s(result.loadMs)}; ` +
    `raw driver ${s(result.rawMs)} (${result.rawRows} rows); load average ${loadBefore.toFixed(2)} → ` +
    `${loadavg()[0]!.toFixed(2)}\n`,
);
// This process's CPU time for one more run (the driver's decoding, grouping, records, rule engine): on a
// loaded machine the steadier figure (the database server's own work is not in it).
const cpu = process.cpuUsage();
const wall = performance.now();
await visitProgrammeEvaluations(deps.db, programme.id, today, () => {});
const used = process.cpuUsage(cpu);
process.stdout.write(
  `  one more run: ${s(performance.now() - wall)} wall, ${s((used.user + used.system) / 1000)} CPU in this process\n`,
);
for (const { name, ms, rows } of await timeLoadingStatements(deps, programme.id, Number(values.runs)))
  process.stdout.write(`  ${name}: ${s(ms)} (${rows} rows, median)\n`);
if (values.profile) {
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  await visitProgrammeEvaluations(deps.db, programme.id, today, () => {});
  const { profile } = await session.post('Profiler.stop');
  mkdirSync(values.profile, { recursive: true });
  const file = join(values.profile, 'evaluate-all.cpuprofile');
  writeFileSync(file, JSON.stringify(profile));
  process.stdout.write(`profile: ${file}\n`);
}
await deps.close();
