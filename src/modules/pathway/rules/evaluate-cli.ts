/**
 * `diploma pathway evaluate --rules RULES.json --record RECORD.json [--today YYYY-MM-DD] [--lang en|fr|es]`
 * Prints the evaluation as pretty JSON and returns 0. Invalid input (a missing or unknown flag, an
 * unreadable file, invalid JSON, a schema violation, a bad date) gets one paragraph on stderr naming
 * the file and the JSON path of the problem, and returns 2. A file named `-` is read from stdin.
 * All I/O goes through `io`, so the command is tested without a process or a file system.
 */
import type { z } from 'zod';
import { isIsoDate } from './dates.js';
import { evaluatePathway } from './evaluate.js';
import { EXPLANATION_LANGUAGES, type ExplanationLanguage } from './evaluation.js';
import { candidateRecordSchema } from './record.js';
import { pathwayRulesSchema } from './rules.js';

/** Exit code of a successful run. */
export const EXIT_OK = 0;
/** Exit code of a run refused because of its input. */
export const EXIT_INVALID_INPUT = 2;
/** Most schema problems listed in one message. */
const MAX_LISTED_ISSUES = 5;

/** The command's usage line. */
export const EVALUATE_USAGE =
  'Usage: diploma pathway evaluate --rules RULES.json --record RECORD.json [--today YYYY-MM-DD] [--lang en|fr|es]';

/** The I/O the command uses, injected by the CLI (or a test). */
export interface EvaluateCommandIo {
  readFile(path: string): Promise<string>;
  readStdin(): Promise<string>;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Today's date `YYYY-MM-DD`, used when `--today` is absent. */
  today(): string;
}

class InputError extends Error {}

const FLAGS = ['rules', 'record', 'today', 'lang'] as const;
type Flag = (typeof FLAGS)[number];

function parseArgs(args: string[]): Partial<Record<Flag, string>> {
  const values: Partial<Record<Flag, string>> = {};
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? '';
    const match = /^--([a-z]+)(?:=(.*))?$/s.exec(arg);
    const flag = FLAGS.find((name) => name === match?.[1]);
    if (!match || !flag) throw new InputError(`Unknown argument "${arg}". ${EVALUATE_USAGE}`);
    const value = match[2] ?? args[++index];
    if (value === undefined || value === '')
      throw new InputError(`--${flag} needs a value. ${EVALUATE_USAGE}`);
    if (values[flag] !== undefined) throw new InputError(`--${flag} is given twice. ${EVALUATE_USAGE}`);
    values[flag] = value;
  }
  return values;
}

/** `$.achievements[2].completed` for the path `['achievements', 2, 'completed']`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path
    .map((key) =>
      typeof key === 'number'
        ? `[${key}]`
        : /^[A-Za-z_$][\w$]*$/.test(String(key))
          ? `.${String(key)}`
          : `[${JSON.stringify(String(key))}]`,
    )
    .reduce((text, part) => text + part, '$');
}

function valueAt(document: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = document;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function describeIssues(issues: z.core.$ZodIssue[], document: unknown): string {
  const described = issues.slice(0, MAX_LISTED_ISSUES).map((issue) => {
    const isMissing = issue.code === 'invalid_type' && valueAt(document, issue.path) === undefined;
    return `${jsonPath(issue.path)}: ${isMissing ? 'is required' : issue.message}`;
  });
  const more = issues.length - described.length;
  return described.join('; ') + (more > 0 ? `; and ${more} more problem${more > 1 ? 's' : ''}` : '');
}

async function readDocument(what: string, file: string, io: EvaluateCommandIo): Promise<unknown> {
  const label = file === '-' ? 'standard input' : `"${file}"`;
  let text: string;
  try {
    text = file === '-' ? await io.readStdin() : await io.readFile(file);
  } catch (error) {
    throw new InputError(`Cannot read the ${what} file ${label}: ${(error as Error).message}.`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(`The ${what} file ${label} is not valid JSON: ${(error as Error).message}.`);
  }
}

async function readValid<T>(
  what: string,
  file: string,
  schema: z.ZodType<T>,
  io: EvaluateCommandIo,
): Promise<T> {
  const document = await readDocument(what, file, io);
  const result = schema.safeParse(document);
  if (!result.success) {
    const label = file === '-' ? 'standard input' : `"${file}"`;
    throw new InputError(
      `The ${what} file ${label} is invalid: ${describeIssues(result.error.issues, document)}.`,
    );
  }
  return result.data;
}

function checkOptions(values: Partial<Record<Flag, string>>, io: EvaluateCommandIo) {
  const { rules, record } = values;
  if (!rules || !record) throw new InputError(`--rules and --record are required. ${EVALUATE_USAGE}`);
  if (rules === '-' && record === '-')
    throw new InputError('Only one of --rules and --record can be read from stdin ("-").');
  const today = values.today ?? io.today();
  if (!isIsoDate(today)) throw new InputError(`--today must be a date YYYY-MM-DD, got "${today}".`);
  const lang = values.lang ?? 'en';
  if (!EXPLANATION_LANGUAGES.includes(lang as ExplanationLanguage)) {
    throw new InputError(`--lang must be one of ${EXPLANATION_LANGUAGES.join(', ')}, got "${lang}".`);
  }
  return { rules, record, today, lang: lang as ExplanationLanguage };
}

/** Runs `diploma pathway evaluate` with its arguments; returns the exit code. */
export async function runEvaluateCommand(args: string[], io: EvaluateCommandIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(`${EVALUATE_USAGE}\n`);
    return EXIT_OK;
  }
  try {
    const options = checkOptions(parseArgs(args), io);
    const rules = await readValid('rules', options.rules, pathwayRulesSchema, io);
    const record = await readValid('record', options.record, candidateRecordSchema, io);
    const evaluation = evaluatePathway(rules, record, options.today, { lang: options.lang });
    io.stdout(`${JSON.stringify(evaluation, null, 2)}\n`);
    return EXIT_OK;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    io.stderr(`${error.message}\n`);
    return EXIT_INVALID_INPUT;
  }
}
