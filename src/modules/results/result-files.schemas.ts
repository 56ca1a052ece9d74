/**
 * zod schemas of the command-line contract's files, POLICY.json and MARKS.json (docs/results.md), as read
 * by the lossless JSON reader (`readDecimalJson`): every JSON number arrives as a `DecimalText`, so
 * 72.5 is 7250 hundredths from its text and 72.555 is refused. They produce the pure policy's types.
 */
import { parse } from 'lossless-json';
import { z } from 'zod';
import { DecimalText, HUNDRED_PERCENT, hundredthsOf, positiveIntegerOf } from './decimal.js';
import type { Mark, PersonInputs, ResultPolicy } from './result-policy.js';

/** Parses JSON text keeping every number's source text (`DecimalText`); throws SyntaxError. */
export function readDecimalJson(text: string): unknown {
  return parse(text, null, (numberText) => new DecimalText(numberText));
}

/** Whether `text` is a real calendar day written `YYYY-MM-DD`. */
export function isIsoDay(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text;
}

const decimal = z.custom<DecimalText>((value) => value instanceof DecimalText, {
  message: 'expected a number',
});

/** A percentage from 0 to 100 with at most two decimals → hundredths. */
export const percentage = decimal.transform((value, context) => {
  const hundredths = hundredthsOf(value.text);
  if (hundredths === null || hundredths < 0 || hundredths > HUNDRED_PERCENT) {
    context.addIssue({
      code: 'custom',
      message: `must be a percentage from 0 to 100 with at most two decimals (got ${value.text})`,
    });
    return z.NEVER;
  }
  return hundredths;
});

const positiveInteger = decimal.transform((value, context) => {
  const integer = positiveIntegerOf(value.text);
  if (integer === null) {
    context.addIssue({ code: 'custom', message: `must be a positive integer (got ${value.text})` });
    return z.NEVER;
  }
  return integer;
});

const isoDay = z.string().refine(isIsoDay, { message: 'must be a date written YYYY-MM-DD' });

const componentId = z.string().min(1).max(100);

/** POLICY.json. */
export const policyFileSchema = z
  .strictObject({
    passMark: percentage,
    gates: z
      .strictObject({ requiredItemsComplete: z.boolean().optional(), minAttendance: percentage.optional() })
      .optional(),
    participation: z.strictObject({ minAttendance: percentage.optional() }).optional(),
    components: z
      .array(
        z.strictObject({
          id: componentId,
          weight: positiveInteger,
          minMark: percentage.optional(),
          cutoff: isoDay,
        }),
      )
      .min(1),
  })
  .superRefine((policy, context) => {
    const seen = new Set<string>();
    policy.components.forEach((component, index) => {
      if (seen.has(component.id))
        context.addIssue({
          code: 'custom',
          path: ['components', index, 'id'],
          message: `component "${component.id}" is given twice`,
        });
      seen.add(component.id);
    });
  })
  .transform(
    (file): ResultPolicy => ({
      passMark: file.passMark,
      gates: {
        requiredItemsComplete: file.gates?.requiredItemsComplete ?? false,
        minAttendance: file.gates?.minAttendance ?? null,
      },
      participation: { minAttendance: file.participation?.minAttendance ?? 0 },
      components: file.components.map((c) => ({
        id: c.id,
        weight: c.weight,
        minMark: c.minMark ?? null,
        cutoff: c.cutoff,
      })),
    }),
  );

const MARK_MESSAGE = 'must be a percentage from 0 to 100 with at most two decimals, "excused" or null';

/** A mark: a percentage (→ hundredths), `"excused"` or null; one clear message for anything else. */
const mark = z.unknown().transform((value, context): Mark => {
  if (value === null || value === 'excused') return value;
  const hundredths = value instanceof DecimalText ? hundredthsOf(value.text) : null;
  if (hundredths === null || hundredths < 0 || hundredths > HUNDRED_PERCENT) {
    const shown = value instanceof DecimalText ? value.text : JSON.stringify(value);
    context.addIssue({ code: 'custom', message: `${MARK_MESSAGE} (got ${shown})` });
    return z.NEVER;
  }
  return hundredths;
});

/** MARKS.json, checked against the policy's components (an unknown component is refused). */
export function marksFileSchema(componentIds: readonly string[]) {
  const known = new Set(componentIds);
  return z
    .array(
      z.strictObject({
        person: z.string().min(1).max(200),
        requiredItemsComplete: z.boolean().optional(),
        attendance: percentage.nullable().optional(),
        marks: z.record(z.string(), mark).optional(),
      }),
    )
    .superRefine((people, context) => {
      const seen = new Set<string>();
      people.forEach((entry, index) => {
        if (seen.has(entry.person))
          context.addIssue({
            code: 'custom',
            path: [index, 'person'],
            message: `person "${entry.person}" is given twice`,
          });
        seen.add(entry.person);
        for (const id of Object.keys(entry.marks ?? {})) {
          if (!known.has(id))
            context.addIssue({
              code: 'custom',
              path: [index, 'marks', id],
              message: `unknown component "${id}" (the policy has: ${componentIds.join(', ')})`,
            });
        }
      });
    })
    .transform((people): PersonInputs[] =>
      people.map((entry) => ({
        person: entry.person,
        requiredItemsComplete: entry.requiredItemsComplete ?? false,
        attendance: entry.attendance ?? null,
        marks: entry.marks ?? {},
      })),
    );
}
