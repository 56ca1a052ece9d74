import { parseArgs } from 'node:util';
import type { Deps } from '../../deps.js';
import { systemActor } from '../../kernel/actor.js';
import { isAppError } from '../../kernel/errors.js';
import type { CliCommand } from '../module.js';
import { createLrsCredential } from './lrs-credentials.js';

export const LRS_CREDENTIALS_USAGE = 'Usage: diploma lrs credentials create --name NAME';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/**
 * `diploma lrs credentials create --name NAME`: prints `key:secret` of a new LRS credential on one line
 * (and nothing else); exit 2 with one line on standard error for wrong arguments.
 */
export async function runLrsCommand(args: string[], deps: Deps | null, io: CliIo): Promise<number> {
  let name: string | undefined;
  try {
    const { values, positionals } = parseArgs({
      args,
      options: { name: { type: 'string' } },
      allowPositionals: true,
    });
    if (positionals.join(' ') === 'create') name = values.name;
  } catch {
    name = undefined;
  }
  if (!name || !deps) {
    io.stderr(`${LRS_CREDENTIALS_USAGE}\n`);
    return 2;
  }
  try {
    const { key, secret } = await createLrsCredential(deps.db, deps, systemActor('cli'), { name });
    io.stdout(`${key}:${secret}\n`);
    return 0;
  } catch (error) {
    if (isAppError(error, 'validation_failed')) {
      io.stderr(`Invalid --name (1 to 100 characters). ${LRS_CREDENTIALS_USAGE}\n`);
      return 2;
    }
    throw error;
  }
}

export const lrsCredentialsCommand: CliCommand = {
  name: 'lrs credentials',
  usage: `  diploma lrs credentials create --name NAME
                              print a new LRS (xAPI) credential as key:secret on one line`,
  needsDatabase: true,
  run: (args, deps) =>
    runLrsCommand(args, deps, {
      stdout: (out) => process.stdout.write(out),
      stderr: (out) => process.stderr.write(out),
    }),
};
