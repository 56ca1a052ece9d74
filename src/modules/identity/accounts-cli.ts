import { parseArgs } from 'node:util';
import type { Deps } from '../../deps.js';
import { systemActor } from '../../kernel/actor.js';
import { isAppError } from '../../kernel/errors.js';
import type { CliCommand } from '../module.js';
import { createApiTokenForAccount } from './sign-in/api-tokens.js';

/**
 * `diploma accounts token --email EMAIL --name NAME`: prints a new personal API token for that account on
 * standard output, and nothing else (scripts read it as is); exit 2 with one line on standard error when
 * the arguments are wrong or there is no such live account.
 */

export const ACCOUNTS_TOKEN_USAGE = 'Usage: diploma accounts token --email EMAIL --name NAME';
export const EXIT_OK = 0;
export const EXIT_BAD_INPUT = 2;

export interface AccountsCommandIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** The `diploma accounts …` command, as the CLI lists it (src/cli/run.ts loops over the modules'). */
export const accountsCommand: CliCommand = {
  name: 'accounts',
  usage: `  diploma accounts token --email EMAIL --name NAME
                              print a new personal API token for that account (and nothing else);
                              exit 2 with one line on standard error when there is no such account`,
  needsDatabase: true,
  run: (args, deps) =>
    runAccountsCommand(args, deps, {
      stdout: (out) => process.stdout.write(out),
      stderr: (out) => process.stderr.write(out),
    }),
};

function parse(args: string[]): { email: string; name: string } | null {
  try {
    const { values, positionals } = parseArgs({
      args,
      options: { email: { type: 'string' }, name: { type: 'string' } },
      strict: true,
      allowPositionals: true,
    });
    if (positionals.length !== 1 || positionals[0] !== 'token' || !values.email || !values.name) return null;
    return { email: values.email, name: values.name };
  } catch {
    return null;
  }
}

/** Runs `diploma accounts …` with `args` (after `accounts`); returns the exit code. */
export async function runAccountsCommand(
  args: string[],
  deps: Deps | null,
  io: AccountsCommandIo,
): Promise<number> {
  const input = parse(args);
  if (!input || !deps) {
    io.stderr(`${ACCOUNTS_TOKEN_USAGE}\n`);
    return EXIT_BAD_INPUT;
  }
  try {
    const { token } = await createApiTokenForAccount(deps.db, deps, systemActor('cli'), input);
    io.stdout(`${token}\n`);
    return EXIT_OK;
  } catch (error) {
    if (isAppError(error, 'not_found')) {
      io.stderr(`No account has the email address ${input.email.trim().toLowerCase()}.\n`);
      return EXIT_BAD_INPUT;
    }
    if (isAppError(error, 'invalid_state')) {
      io.stderr(`The account ${input.email.trim().toLowerCase()} is disabled: its tokens would not work.\n`);
      return EXIT_BAD_INPUT;
    }
    if (isAppError(error, 'validation_failed')) {
      const fields = error.fields.map((f) => `--${f.path}`).join(', ');
      io.stderr(`Invalid ${fields || 'arguments'}. ${ACCOUNTS_TOKEN_USAGE}\n`);
      return EXIT_BAD_INPUT;
    }
    throw error;
  }
}
