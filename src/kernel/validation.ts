import type { z } from 'zod';
import { MESSAGES } from '../i18n/i18n.js';
import { AppError, type FieldError } from './errors.js';

/**
 * Validation at the edge: zod issues become field errors whose `key` is a message id in the locale files.
 * Schemas name their own key (`z.string().min(10, 'validation.passwordTooShort')`, or an id of their own
 * area such as `admissions.error.duplicateLanguage`); issues without one get a generic key from their kind,
 * with the limit as an ICU value.
 */
export function issuesToFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const values: Record<string, string | number> = {};
    if ('minimum' in issue && issue.minimum !== undefined) values.min = Number(issue.minimum);
    if ('maximum' in issue && issue.maximum !== undefined) values.max = Number(issue.maximum);
    if (isMessageId(issue.message)) return { path, key: issue.message, values };
    // An optional choice is `'' | enum`: the union's own issue is generic, but a branch names the message.
    if (issue.code === 'invalid_union') {
      const named = issue.errors.flat().find((branch) => isMessageId(branch.message));
      if (named) return { path, key: named.message, values };
    }
    return { path, key: genericKey(issue), values };
  });
}

/** A message a schema named itself: an id of the catalogues (zod's own messages are English sentences). */
function isMessageId(message: string): boolean {
  return message.startsWith('validation.') || (MESSAGE_ID.test(message) && message in MESSAGES.en);
}

const MESSAGE_ID = /^[a-z][A-Za-z]*(\.[A-Za-z0-9-]+)+$/;

function genericKey(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? 'validation.required' : 'validation.invalid';
    case 'too_small':
      return issue.origin === 'string' ? 'validation.tooShort' : 'validation.tooSmall';
    case 'too_big':
      return issue.origin === 'string' ? 'validation.tooLong' : 'validation.tooBig';
    case 'invalid_format':
      return issue.format === 'email' ? 'validation.invalidEmail' : 'validation.invalidFormat';
    case 'invalid_value':
      return 'validation.invalidChoice';
    case 'unrecognized_keys':
      return 'validation.unknownField';
    default:
      return 'validation.invalid';
  }
}

/** Parses `data` with `schema` or throws AppError('validation_failed') carrying the field errors. */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  throw new AppError('validation_failed', {}, issuesToFieldErrors(result.error.issues));
}
