import { parseArgs } from 'node:util';
import { createDeps } from '../bootstrap.js';
import { loadConfig } from '../config.js';
import { migrateToLatest } from '../db/migrate.js';
import { startServer } from '../main.js';
import { isDatabaseEmpty, seedDemo, type SeedReport } from '../seed/seed-demo.js';

const HELP = `diploma — the Diploma Platform command line

Usage:
  diploma serve [--demo]      start the web server (migrates first; --demo loads the demo programme
                              into an empty database)
  diploma migrate             apply pending database migrations
  diploma seed                load the demo programme (idempotent: existing records are kept)
  diploma help                this text

Configuration comes from the environment (see README.md § Configuration).`;

function printAccounts(report: SeedReport, url: string): void {
  const lines = [
    '',
    `  Diploma Platform is running at ${url}`,
    '',
    '  Demo accounts (password for all: ' + report.password + '):',
    ...report.accounts.map((a) => `    ${a.role.padEnd(14)} ${a.email}`),
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** Runs one CLI command; returns the process exit code (the server keeps running after `serve`). */
export async function runCli(argv: string[]): Promise<number> {
  const [command = 'help', ...rest] = argv;
  const config = loadConfig();
  switch (command) {
    case 'serve': {
      const { values } = parseArgs({ args: rest, options: { demo: { type: 'boolean', default: false } } });
      let report: SeedReport | null = null;
      const { url } = await startServer(config, async (deps) => {
        if (values.demo && (await isDatabaseEmpty(deps))) {
          process.stdout.write('Loading the demo programme (first start only)…\n');
          report = await seedDemo(deps);
        }
      });
      if (values.demo) {
        const { DEMO_PASSWORD, DEMO_STAFF } = await import('../seed/demo-people.js');
        printAccounts(report ?? { created: { themes: 0, courses: 0, editions: 0, people: 0 }, password: DEMO_PASSWORD, accounts: DEMO_STAFF.slice(0, 5).map((p) => ({ role: p.roles[0]!, email: p.email })) }, url);
      } else {
        process.stdout.write(`Diploma Platform is running at ${url}\n`);
      }
      return -1;
    }
    case 'migrate': {
      const deps = await createDeps(config, { migrate: false });
      const results = await migrateToLatest(deps.db);
      process.stdout.write(results.length ? results.map((r) => `${r.status}: ${r.migrationName}`).join('\n') + '\n' : 'Database is up to date.\n');
      await deps.close();
      return 0;
    }
    case 'seed': {
      const deps = await createDeps(config);
      const report = await seedDemo(deps);
      process.stdout.write(`Demo programme loaded: ${report.created.courses} courses, ${report.created.editions} editions, ${report.created.people} people created.\n`);
      await deps.close();
      return 0;
    }
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(`${HELP}\n`);
      return 0;
    default:
      process.stderr.write(`Unknown command "${command}".\n\n${HELP}\n`);
      return 2;
  }
}

