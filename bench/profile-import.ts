/**
 * The pathway suite's import scenario alone, on a kept pathway database (`npm run bench -- --suite pathway
 * --keep`), to profile and compare the import: plans N rows for the synthetic candidates, measures the raw
 * insert of the same rows, then uploads, checks and commits them through the jobs. It writes to the
 * database: run it on a copy.
 *
 *   cp $D/bench.sqlite /tmp/import.sqlite
 *   DATABASE_URL=/tmp/import.sqlite DATA_DIR=$D npx tsx bench/profile-import.ts --rows 25000 [--profile /tmp/prof] [--probe]
 *
 * Besides the wall-clock ratio it prints this process's CPU time for the import and for the raw insert, and
 * their ratio (the steadier figure on a loaded machine; on PostgreSQL the server's work is not in it).
 *
 * `--probe`: another process writes the import's row every 50 ms during the commit (bench/write-probe.ts)
 * and the longest wait is printed: how long the commit held the database.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createDeps } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { systemActor } from '../src/kernel/actor.js';
import { toDateString } from '../src/kernel/clock.js';
import { DEMO_PROGRAMME_SLUG } from '../src/modules/programmes/demo/demo-programme.js';
import { getProgramme } from '../src/modules/programmes/get-programme.js';
import { measureImport, measureRawInsert, planImport } from './pathway-import.js';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '25000' },
    profile: { type: 'string' },
    probe: { type: 'boolean', default: false },
  },
});
const config = loadConfig({ ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent' });
// Migrated first: a database kept by an older bench run may lack a newer table.
const deps = await createDeps(config, { migrate: true });
const programme = await getProgramme(deps.db, deps, systemActor('bench'), DEMO_PROGRAMME_SLUG);
const plan = await planImport(deps, programme.id, Number(values.rows), toDateString(deps.clock.now()));
const target = config.database;
const url = target.dialect === 'sqlite' ? target.filename : target.connectionString;
const cpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const rawCpuStart = cpu();
const rawMs = await measureRawInsert(target.dialect, url, plan);
const rawCpuMs = cpu() - rawCpuStart;
const rawRows = plan.enrolments.length + plan.results.length;
const session = values.profile ? new Session() : null;
if (session) {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
}
const probe = async (importId: string) => {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'write-probe.ts'), target.dialect, url, importId],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout.on('data', (chunk) => {
    out += chunk;
  });
  return async () => {
    child.stdin.end();
    await new Promise((resolve) => child.on('exit', resolve));
    return JSON.parse(out || 'null') as unknown;
  };
};
const importCpuStart = cpu();
const figures = await measureImport(deps, plan, values.probe ? probe : undefined);
const importCpuMs = cpu() - importCpuStart;
if (session && values.profile) {
  const { profile } = await session.post('Profiler.stop');
  mkdirSync(values.profile, { recursive: true });
  writeFileSync(`${values.profile}/import.cpuprofile`, JSON.stringify(profile));
}
const rate = (plan.rows / figures.totalMs) * 1000;
const raw = (rawRows / rawMs) * 1000;
console.log(
  `${plan.rows} rows: upload ${Math.round(figures.uploadMs)} ms, check ${Math.round(figures.checkMs)} ms, ` +
    `commit ${Math.round(figures.commitMs)} ms; ${Math.round(rate)} rows/s; raw insert ${Math.round(raw)} rows/s; ` +
    `ratio ${(rate / raw).toFixed(3)}; this process's CPU: import ${Math.round(importCpuMs)} ms, raw insert ` +
    `${Math.round(rawCpuMs)} ms, ratio by CPU ${(plan.rows / importCpuMs / (rawRows / rawCpuMs)).toFixed(3)}` +
    (figures.probed ? `; another process's writes during the commit: ${JSON.stringify(figures.probed)}` : ''),
);
await deps.close();
