import { describe, expect, it } from 'vitest';
import { AppError } from '../kernel/errors.js';
import { PermanentJobError } from './job.js';
import { classifyJobError, EnvironmentJobError, isFinalAtOnce } from './job-errors.js';

/** An error as a library raises it: a message and a `code` (Node, pg, better-sqlite3, nodemailer). */
const coded = (code: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(`failed (${code})`), { code, ...extra });

describe('classifyJobError', () => {
  it('recognises failures of the environment: files, network, mail server, database connection', () => {
    for (const error of [
      new EnvironmentJobError('PDF font "noto-sans" not found'),
      coded('ENOENT'),
      coded('ENOSPC'),
      coded('EACCES'),
      coded('ECONNREFUSED'),
      coded('ETIMEDOUT'),
      coded('ECONNECTION'), // nodemailer: SMTP unreachable
      Object.assign(new Error('451 try later'), { responseCode: 451 }),
      coded('57P01'), // PostgreSQL: terminating connection due to administrator command
      coded('08006'), // connection failure
      coded('53300'), // too many connections
      coded('40001'), // serialization failure
      coded('SQLITE_BUSY'),
      coded('SQLITE_IOERR_WRITE'),
      coded('SQLITE_FULL'),
      new Error('Connection terminated unexpectedly'), // node-postgres, without a code
      new AppError('too_many_attempts', { minutes: 1 }),
      new Error('could not render', { cause: coded('ENOENT') }),
    ])
      expect(classifyJobError(error), String(error)).toBe('environment');
  });

  it('tells domain refusals and permanent failures apart from bugs', () => {
    expect(classifyJobError(new AppError('invalid_state'))).toBe('domain');
    expect(classifyJobError(new AppError('not_found'))).toBe('domain');
    expect(classifyJobError(new PermanentJobError('invalid payload for x'))).toBe('permanent');
    expect(classifyJobError(new AppError('internal'))).toBe('internal');
    expect(classifyJobError(new TypeError("Cannot read properties of undefined (reading 'x')"))).toBe(
      'internal',
    );
    expect(classifyJobError(coded('23505'))).toBe('internal'); // a unique violation is not the environment
    expect(classifyJobError(coded('SQLITE_CONSTRAINT_UNIQUE'))).toBe('internal');
    expect(classifyJobError(Object.assign(new Error('550 no such user'), { responseCode: 550 }))).toBe(
      'internal',
    );
    expect(classifyJobError('a thrown string')).toBe('internal');
    expect(classifyJobError(null)).toBe('internal');
    // A message that merely mentions a connection is not pg's own (it carries a code).
    expect(classifyJobError(coded('23505', { message: 'Connection terminated' }))).toBe('internal');
  });

  it('fails at once only what no retry can fix', () => {
    expect(isFinalAtOnce('domain')).toBe(true);
    expect(isFinalAtOnce('permanent')).toBe(true);
    expect(isFinalAtOnce('environment')).toBe(false);
    expect(isFinalAtOnce('internal')).toBe(false);
  });
});
