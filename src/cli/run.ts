import { parseArgs } from 'node:util';
import { createDeps } from '../bootstrap.js';
import { loadConfig } from '../config.js';
import { startServer } from '../main.js';
import { demoAccounts } from '../modules/identity/demo/seed-identity.js';
import { MODULES, migrateToLatest } from '../modules/index.js';
import type { CliCommand } from '../modules/module.js';
import { seedScale } from '../seed/scale.js';
import { isDatabaseEmpty, seedDemo } from '../seed/seed-demo.js';
import { demoBanner } from './demo-banner.js';

const PLATFORM_USAGE = `  diploma serve [--demo]      start the web server (migrates first; --demo loads the demo programme
                              into an empty database)
  diploma migrate             apply pending database migrations
  diploma seed                load the demo programme (idempotent: existing records are kept)
  diploma seed --scale N      add N synthetic candidates with realistic histories (for benchmarks)`;

/** The help text: the platform's commands, then every module's. */
export function helpText(commands: readonly CliCommand[] = moduleCommands()): string {
  return [
    'diploma — the Diploma Platform command line',
    '',
    'Usage:',
    PLATFORM_USAGE,
    ...commands.map((c) => c.usage),
    '  diploma help                this text',
    '',
    'Configuration comes from the environment (see README.md § Configuration).',
  ].join('\n');
}

/** Every module's commands, from the module list. */
function moduleCommands(): CliCommand[] {
  return MODULES.flatMap((m) => m.cli ?? []);
}

/** The module command that `argv` starts with (the longest name that matches), and its arguments. */
function findCommand(argv: readonly string[]): { command: CliCommand; args: string[] } | null {
  const matches = moduleCommands()
    .map((command) => ({ command, words: command.name.split(' ') }))
    .filter(({ words }) => words.every((word, i) => argv[i] === word))
    .sort((a, b) => b.words.length - a.words.length);
  const best = matches[0];
  return best ? { command: best.command, args: argv.slice(best.words.length) } : null;
}

/** Runs one CLI command; returns the process exit code (the server keeps running after `serve`). */
export async function runCli(argv: string[]): Promise<number> {
  const [command = 'help', ...rest] = argv;
  if (command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(`${helpText()}\n`);
    return 0;
  }
  const found = findCommand(argv);
  if (found) {
    if (!found.command.needsDatabase) return found.command.run(found.args, null);
    const deps = await createDeps(loadConfig());
    try {
      return await found.command.run(found.args, deps);
    } finally {
      await deps.close();
    }
  }
  switch (command) {
    case 'serve':
      return serve(rest);
    case 'migrate': {
      const deps = await createDeps(loadConfig(), { migrate: false });
      const results = await migrateToLatest(deps.db, deps.modules);
      process.stdout.write(
        results.length
          ? results.map((r) => `${r.status}: ${r.migrationName}`).join('\n') + '\n'
          : 'Database is up to date.\n',
      );
      await deps.close();
      return 0;
    }
    case 'seed':
      return seed(rest);
    default:
      process.stderr.write(`Unknown command "${argv.join(' ')}".\n\n${helpText()}\n`);
      return 2;
  }
}

async function serve(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { demo: { type: 'boolean', default: false } } });
  const { url } = await startServer(loadConfig(), async (deps) => {
    if (values.demo && (await isDatabaseEmpty(deps.db, deps))) {
      process.stdout.write('Loading the demo programme (first start only)…\n');
      await seedDemo(deps);
    }
  });
  if (values.demo) process.stdout.write(demoBanner(demoAccounts(), url));
  else process.stdout.write(`Diploma Platform is running at ${url}\n`);
  return -1;
}

async function seed(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { scale: { type: 'string' } } });
  const deps = await createDeps(loadConfig());
  try {
    if (values.scale !== undefined) {
      const count = Number(values.scale);
      if (!Number.isInteger(count) || count < 1 || count > 1_000_000) {
        process.stderr.write('--scale takes a whole number of candidates from 1 to 1000000.\n');
        return 2;
      }
      const scale = await seedScale(deps, count);
      process.stdout.write(
        `${scale.candidates} candidates, ${scale.enrolments} enrolments, ${scale.results} results generated in ${scale.generateMs} ms; standings evaluated in ${scale.evaluateMs} ms.\n`,
      );
      return 0;
    }
    const report = await seedDemo(deps);
    process.stdout.write(
      `Demo programme loaded: ${report.created.courses} courses, ${report.created.editions} editions, ${report.created.people} people, ${report.created.candidates} candidates created.\n`,
    );
    return 0;
  } finally {
    await deps.close();
  }
}
