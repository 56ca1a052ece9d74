import { AppError, ERROR_CODES, type ErrorCode } from '../kernel/errors.js';
import { PermanentJobError } from './job.js';

/**
 * What kind of failure a job met, which decides what happens next (src/jobs/run-job.ts) and what people
 * are shown (a translated summary, `jobs.errorKind.<kind>`; the raw text only to administrators):
 * - `environment`: something around the job was unavailable (files, fonts, network, mail server, the
 *   database connection). Nothing is wrong with the job: it retries by itself with back-off, for days,
 *   without spending its attempts, and succeeds once the environment is repaired.
 * - `domain`: the platform's rules refused the change (an AppError): retrying cannot help; fails at once.
 * - `permanent`: the job cannot succeed as asked (invalid payload, its subject is gone); fails at once.
 * - `worker-lost`: the worker running it stopped (killed, crashed) on its last attempt.
 * - `internal`: anything else (most likely a bug): retried a few times (`max_attempts`), then failed.
 */
export const JOB_ERROR_KINDS = ['environment', 'domain', 'permanent', 'worker-lost', 'internal'] as const;
export type JobErrorKind = (typeof JOB_ERROR_KINDS)[number];

export function isJobErrorKind(value: unknown): value is JobErrorKind {
  return typeof value === 'string' && (JOB_ERROR_KINDS as readonly string[]).includes(value);
}

/**
 * Thrown (or used as a `cause`) by a handler whose failure comes from its environment rather than from the
 * job: a missing font or file, a service that does not answer. The job retries by itself.
 */
export class EnvironmentJobError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EnvironmentJobError';
  }
}

/** Node's system error codes that say the machine or the network failed, not the job. */
const SYSTEM_CODES = new Set([
  'ENOENT',
  'EACCES',
  'EPERM',
  'EMFILE',
  'ENFILE',
  'ENOSPC',
  'EDQUOT',
  'EIO',
  'EBUSY',
  'EROFS',
  'EAGAIN',
  'ENOMEM',
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ENETRESET',
  'EAI_AGAIN',
  'ENOTFOUND',
  'EADDRNOTAVAIL',
  // nodemailer: the SMTP server could not be reached or dropped the connection.
  'ECONNECTION',
  'ESOCKET',
  'EDNS',
]);

/** PostgreSQL SQLSTATEs (or their classes) that say the server or the connection failed, not the statement. */
const POSTGRES_TRANSIENT = /^(08|53|58)...$|^57P0[1-3]$|^40001$|^40P01$|^55P03$/;
/** SQLite result codes (better-sqlite3 `code`) that say the file or the machine failed. */
const SQLITE_TRANSIENT = /^SQLITE_(BUSY|LOCKED|IOERR|FULL|CANTOPEN|NOMEM|PROTOCOL)(_|$)/;
/**
 * node-postgres raises a lost connection without a code (pg's own messages, not user text): these two are
 * the only errors matched by their message, for want of anything else to match.
 */
const PG_CONNECTION_LOST = /^(Connection terminated|timeout exceeded when trying to connect)/;

function isEnvironmental(error: unknown): boolean {
  if (error instanceof EnvironmentJobError) return true;
  if (!(error instanceof Error)) return false;
  const { code, responseCode } = error as { code?: unknown; responseCode?: unknown };
  if (typeof code === 'string') {
    if (SYSTEM_CODES.has(code) || SQLITE_TRANSIENT.test(code) || POSTGRES_TRANSIENT.test(code)) return true;
  }
  // An SMTP reply 4xx is a temporary refusal ("try again later").
  if (typeof responseCode === 'number' && responseCode >= 400 && responseCode < 500) return true;
  return typeof code !== 'string' && PG_CONNECTION_LOST.test(error.message);
}

/** Pure: the kind of a handler's failure, looking through `cause` chains (at most 5 deep). */
export function classifyJobError(error: unknown): JobErrorKind {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth++) {
    if (isEnvironmental(current)) return 'environment';
    if (current instanceof PermanentJobError) return 'permanent';
    if (current instanceof AppError) {
      if (current.code === 'too_many_attempts') return 'environment';
      return current.code === 'internal' ? 'internal' : 'domain';
    }
    current = current instanceof Error ? current.cause : undefined;
  }
  return 'internal';
}

/** True for failures that no retry can fix: the job fails at once. */
export function isFinalAtOnce(kind: JobErrorKind): boolean {
  return kind === 'domain' || kind === 'permanent';
}

/** A failed job's error as people are told it: the platform's error code and its parameters. */
export interface JobErrorMessage {
  code: ErrorCode;
  params: Record<string, string | number>;
}

/**
 * Pure: the platform's error behind a job's last error text (see `errorText`), so that pages can say it in
 * the reader's language; null for other errors (their kind is said instead).
 */
export function jobErrorOf(lastError: string | null): JobErrorMessage | null {
  const match = lastError?.match(/^AppError: ([a-z_]+)(?: (\{.*\}))?$/s);
  if (!match || !Object.hasOwn(ERROR_CODES, match[1]!)) return null;
  let params: Record<string, string | number> = {};
  if (match[2]) {
    try {
      const parsed: unknown = JSON.parse(match[2]);
      if (parsed && typeof parsed === 'object') {
        params = Object.fromEntries(
          Object.entries(parsed).filter(
            (entry): entry is [string, string | number] =>
              typeof entry[1] === 'string' || typeof entry[1] === 'number',
          ),
        );
      }
    } catch {
      return null;
    }
  }
  return { code: match[1] as ErrorCode, params };
}
