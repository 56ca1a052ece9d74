import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { text } from 'node:stream/consumers';
import { parseArgs } from 'node:util';
import { createDeps } from '../bootstrap.js';
import { loadConfig } from '../config.js';
import { migrateToLatest } from '../db/migrate.js';
import { systemActor } from '../kernel/actor.js';
import { startServer } from '../main.js';
import {
  localIssuerDidDocument,
  runCredentialsVerifyCommand,
} from '../modules/credentials/credentials-cli.js';
import { exportCredentials } from '../modules/credentials/export-credentials.js';
import { rotateIssuerKeys } from '../modules/credentials/keys/rotate-issuer-keys.js';
import { runEvaluateCommand } from '../modules/pathway/rules/evaluate-cli.js';
import { seedScale } from '../seed/scale.js';
import { demoAccounts, isDatabaseEmpty, type SeedReport, seedDemo } from '../seed/seed-demo.js';

const HELP = `diploma — the Diploma Platform command line

Usage:
  diploma serve [--demo]      start the web server (migrates first; --demo loads the demo programme
                              into an empty database)
  diploma migrate             apply pending database migrations
  diploma seed                load the demo programme (idempotent: existing records are kept)
  diploma seed --scale N      add N synthetic candidates with realistic histories (for benchmarks)
  diploma pathway evaluate --rules RULES.json --record RECORD.json [--today YYYY-MM-DD] [--lang en|fr|es]
                              evaluate a candidate record against requirement rules offline; prints
                              the evaluation as JSON (exit 0), or a message on invalid input (exit 2)
  diploma credentials export --out DIR
                              write every issued credential (JSON with its proof, its RS256 and EdDSA
                              JWTs, the CLR of a diploma), the signed status lists and the issuer's DID
                              document and JWKS into DIR
  diploma credentials verify FILE|- [--did-document FILE]... [--status-list FILE]... [--known-issuer DID]...
                              verify a credential or VC-JWT offline; prints the checks as JSON; exit 0
                              valid, 1 invalid, 2 unreadable input
  diploma keys rotate         new signing keys; the old public keys stay published (old credentials
                              keep verifying)
  diploma help                this text

Configuration comes from the environment (see README.md § Configuration).`;

function printAccounts(report: Pick<SeedReport, 'accounts' | 'password'>, url: string): void {
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
  if (command === 'pathway') return runPathway(rest);
  if (command === 'credentials' && rest[0] === 'verify') return runCredentialsVerify(rest.slice(1));
  if (command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const config = loadConfig();
  switch (command) {
    case 'serve': {
      const { values } = parseArgs({ args: rest, options: { demo: { type: 'boolean', default: false } } });
      const { url } = await startServer(config, async (deps) => {
        if (values.demo && (await isDatabaseEmpty(deps.db, deps))) {
          process.stdout.write('Loading the demo programme (first start only)…\n');
          await seedDemo(deps);
        }
      });
      if (values.demo) {
        printAccounts(demoAccounts(), url);
      } else {
        process.stdout.write(`Diploma Platform is running at ${url}\n`);
      }
      return -1;
    }
    case 'migrate': {
      const deps = await createDeps(config, { migrate: false });
      const results = await migrateToLatest(deps.db);
      process.stdout.write(
        results.length
          ? results.map((r) => `${r.status}: ${r.migrationName}`).join('\n') + '\n'
          : 'Database is up to date.\n',
      );
      await deps.close();
      return 0;
    }
    case 'seed': {
      const { values } = parseArgs({ args: rest, options: { scale: { type: 'string' } } });
      const deps = await createDeps(config);
      if (values.scale !== undefined) {
        const count = Number(values.scale);
        if (!Number.isInteger(count) || count < 1 || count > 1_000_000) {
          process.stderr.write('--scale takes a whole number of candidates from 1 to 1000000.\n');
          await deps.close();
          return 2;
        }
        const scale = await seedScale(deps, count);
        process.stdout.write(
          `${scale.candidates} candidates, ${scale.enrolments} enrolments, ${scale.results} results generated in ${scale.generateMs} ms; standings evaluated in ${scale.evaluateMs} ms.\n`,
        );
        await deps.close();
        return 0;
      }
      const report = await seedDemo(deps);
      process.stdout.write(
        `Demo programme loaded: ${report.created.courses} courses, ${report.created.editions} editions, ${report.created.people} people, ${report.created.candidates} candidates created.\n`,
      );
      await deps.close();
      return 0;
    }
    case 'credentials':
      return runCredentialsExport(rest);
    case 'keys': {
      if (rest[0] !== 'rotate' || rest.length !== 1) {
        process.stderr.write(`Unknown command "keys ${rest.join(' ')}".\n\n${HELP}\n`);
        return 2;
      }
      const deps = await createDeps(config);
      const rotated = await rotateIssuerKeys(deps.db, deps, systemActor('cli'));
      process.stdout.write(
        `New signing keys: ${rotated.active.join(', ')}. Retired (still published): ${rotated.retired.join(', ') || 'none'}.\n`,
      );
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

/** `diploma pathway …`: the offline, stable command-line contract of the rule engine (no database). */
async function runPathway(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'evaluate') {
    process.stderr.write(`Unknown command "pathway ${sub ?? ''}".\n\n${HELP}\n`);
    return 2;
  }
  return runEvaluateCommand(rest, {
    readFile: (path) => readFile(path, 'utf8'),
    readStdin: () => text(process.stdin),
    stdout: (out) => process.stdout.write(out),
    stderr: (out) => process.stderr.write(out),
    today: () => new Date().toISOString().slice(0, 10),
  });
}

/** `diploma credentials verify …`: offline, with our public keys from DATA_DIR/keys and BASE_URL. */
async function runCredentialsVerify(args: string[]): Promise<number> {
  const config = loadConfig();
  return runCredentialsVerifyCommand(args, {
    readFile: (path) => readFile(path, 'utf8'),
    readStdin: () => text(process.stdin),
    stdout: (out) => process.stdout.write(out),
    stderr: (out) => process.stderr.write(out),
    now: () => new Date(),
    localIssuer: () => localIssuerDidDocument(config.dataDir, config.baseUrl),
  });
}

/** `diploma credentials export --out DIR`. */
async function runCredentialsExport(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  let out: string | undefined;
  try {
    ({ out } = parseArgs({ args: rest, options: { out: { type: 'string' } } }).values);
  } catch {
    out = undefined;
  }
  if (sub !== 'export' || !out) {
    process.stderr.write(`Usage: diploma credentials export --out DIR\n\n${HELP}\n`);
    return 2;
  }
  const folder = resolve(out);
  const deps = await createDeps(loadConfig());
  try {
    const { credentials } = await exportCredentials(deps.db, deps, systemActor('cli'), {
      write: async (relativePath, content) => {
        const path = join(folder, relativePath);
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, content);
      },
    });
    process.stdout.write(
      `${credentials} credentials, the status lists and the issuer's keys written to ${folder}\n`,
    );
    return 0;
  } finally {
    await deps.close();
  }
}
