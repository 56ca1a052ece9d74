/**
 * `diploma results evaluate --policy POLICY.json --marks MARKS.json --today YYYY-MM-DD`: prints a JSON
 * array, one object per person in the input order (exit 0). Invalid input — a missing or unknown flag, an
 * unreadable file, invalid JSON, an unknown component, a mark outside 0–100 or with more than two decimals,
 * a weight that is not a positive integer, a person given twice, a bad date — prints ONE line on stderr
 * naming the file and the JSON path, and exits 2. All I/O goes through `io` (tests run it without files).
 */
import type { z } from 'zod';
import { isIsoDay, marksFileSchema, policyFileSchema, readDecimalJson } from './result-files.schemas.js';
import { evaluateResults } from './result-policy.js';

export const EXIT_OK = 0;
export const EXIT_INVALID_INPUT = 2;

export const RESULTS_EVALUATE_USAGE =
  'Usage: diploma results evaluate --policy POLICY.json --marks MARKS.json --today YYYY-MM-DD';

/** The I/O the command uses. */
export interface ResultsEvaluateIo {
  readFile(path: string): Promise<string>;
  stdout(text: string): void;
  stderr(text: string): void;
}

class InputError extends Error {}

const FLAGS = ['policy', 'marks', 'today'] as const;
type Flag = (typeof FLAGS)[number];

function parseArgs(args: readonly string[]): Record<Flag, string> {
  const values: Partial<Record<Flag, string>> = {};
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? '';
    const match = /^--([a-z]+)(?:=(.*))?$/s.exec(arg);
    const flag = FLAGS.find((name) => name === match?.[1]);
    if (!match || !flag) throw new InputError(`Unknown argument "${arg}". ${RESULTS_EVALUATE_USAGE}`);
    const value = match[2] ?? args[++index];
    if (value === undefined || value === '')
      throw new InputError(`--${flag} needs a value. ${RESULTS_EVALUATE_USAGE}`);
    if (values[flag] !== undefined)
      throw new InputError(`--${flag} is given twice. ${RESULTS_EVALUATE_USAGE}`);
    values[flag] = value;
  }
  for (const flag of FLAGS) {
    if (values[flag] === undefined) throw new InputError(`--${flag} is required. ${RESULTS_EVALUATE_USAGE}`);
  }
  return values as Record<Flag, string>;
}

/** `$[0].marks.forum` for the path `[0, 'marks', 'forum']`. */
function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, key) =>
      typeof key === 'number'
        ? `${text}[${key}]`
        : /^[A-Za-z_$][\w$]*$/.test(String(key))
          ? `${text}.${String(key)}`
          : `${text}[${JSON.stringify(String(key))}]`,
    '$',
  );
}

/** One line: the first problem (and how many more). */
function describe(file: string, error: z.ZodError): string {
  const [first, ...others] = error.issues;
  const where = first ? `${jsonPath(first.path)}: ${first.message}` : 'invalid';
  const more = others.length ? ` (and ${others.length} more problem${others.length > 1 ? 's' : ''})` : '';
  return `${file}: ${where}${more}`.replace(/\s*\n\s*/g, ' ');
}

async function readJson(io: ResultsEvaluateIo, path: string): Promise<unknown> {
  let text: string;
  try {
    text = await io.readFile(path);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    throw new InputError(`${path}: cannot be read (${reason})`);
  }
  try {
    return readDecimalJson(text);
  } catch (error) {
    throw new InputError(
      `${path}: is not valid JSON (${error instanceof Error ? error.message : 'syntax error'})`,
    );
  }
}

/** Runs the command; returns the exit code. */
export async function runResultsEvaluate(args: readonly string[], io: ResultsEvaluateIo): Promise<number> {
  try {
    const flags = parseArgs(args);
    if (!isIsoDay(flags.today))
      throw new InputError(`--today must be a date written YYYY-MM-DD (got "${flags.today}")`);
    const policyParsed = policyFileSchema.safeParse(await readJson(io, flags.policy));
    if (!policyParsed.success) throw new InputError(describe(flags.policy, policyParsed.error));
    const policy = policyParsed.data;
    const marksParsed = marksFileSchema(policy.components.map((c) => c.id)).safeParse(
      await readJson(io, flags.marks),
    );
    if (!marksParsed.success) throw new InputError(describe(flags.marks, marksParsed.error));
    io.stdout(`${JSON.stringify(evaluateResults(policy, marksParsed.data, flags.today))}\n`);
    return EXIT_OK;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    io.stderr(`${error.message.replace(/\s*\n\s*/g, ' ')}\n`);
    return EXIT_INVALID_INPUT;
  }
}
