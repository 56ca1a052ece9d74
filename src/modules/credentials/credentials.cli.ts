import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { text } from 'node:stream/consumers';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config.js';
import { systemActor } from '../../kernel/actor.js';
import type { CliCommand } from '../module.js';
import { localIssuerDidDocument, runCredentialsVerifyCommand } from './credentials-cli.js';
import { exportCredentials } from './export-credentials.js';
import { rotateIssuerKeys } from './keys/rotate-issuer-keys.js';

/** `diploma credentials verify …`: offline, with our public keys from DATA_DIR/keys and BASE_URL. */
export const credentialsVerifyCommand: CliCommand = {
  name: 'credentials verify',
  usage: `  diploma credentials verify FILE|- [--did-document FILE]... [--status-list FILE]... [--known-issuer DID]...
                              verify a credential or VC-JWT offline; prints the checks as JSON; exit 0
                              valid, 1 invalid, 2 unreadable input`,
  needsDatabase: false,
  run(args) {
    const config = loadConfig();
    return runCredentialsVerifyCommand(args, {
      readFile: (path) => readFile(path, 'utf8'),
      readStdin: () => text(process.stdin),
      stdout: (out) => process.stdout.write(out),
      stderr: (out) => process.stderr.write(out),
      now: () => new Date(),
      localIssuer: () => localIssuerDidDocument(config.dataDir, config.baseUrl),
    });
  },
};

/** `diploma credentials export --out DIR`. */
export const credentialsExportCommand: CliCommand = {
  name: 'credentials export',
  usage: `  diploma credentials export --out DIR
                              write every issued credential (JSON with its proof, its RS256 and EdDSA
                              JWTs, the CLR of a diploma), the signed status lists and the issuer's DID
                              document and JWKS into DIR`,
  needsDatabase: true,
  async run(args, deps) {
    let out: string | undefined;
    try {
      ({ out } = parseArgs({ args, options: { out: { type: 'string' } } }).values);
    } catch {
      out = undefined;
    }
    if (!out || !deps) {
      process.stderr.write('Usage: diploma credentials export --out DIR\n');
      return 2;
    }
    const folder = resolve(out);
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
  },
};

/** `diploma keys rotate`. */
export const keysRotateCommand: CliCommand = {
  name: 'keys rotate',
  usage: `  diploma keys rotate         new signing keys; the old public keys stay published (old credentials
                              keep verifying)`,
  needsDatabase: true,
  async run(args, deps) {
    if (args.length !== 0 || !deps) {
      process.stderr.write(`Unknown arguments "keys rotate ${args.join(' ')}".\n`);
      return 2;
    }
    const rotated = await rotateIssuerKeys(deps.db, deps, systemActor('cli'));
    process.stdout.write(
      `New signing keys: ${rotated.active.join(', ')}. Retired (still published): ${rotated.retired.join(', ') || 'none'}.\n`,
    );
    return 0;
  },
};
