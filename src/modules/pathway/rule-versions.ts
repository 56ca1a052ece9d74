import { z } from 'zod';
import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { AppError, type FieldError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { ensure } from '../../kernel/policy.js';
import { parseInput } from '../../kernel/validation.js';
import { findCourseId } from '../catalogue/find-ids.js';
import { getProgramme } from '../programmes/get-programme.js';
import { canPathway } from './pathway.policy.js';
import { insertRuleVersion, listRuleVersionRows } from './pathway.repository.js';
import { ruleVersionSchema } from './pathway.schemas.js';
import type { RuleVersionRow } from './pathway.tables.js';
import { type PathwayRules, pathwayRulesSchema } from './rules/rules.js';
import { rulesFormValues, rulesFromForm } from './rules-form.js';
import { parseRuleVersion } from './standing.js';

/** A version of a programme's requirement rules. Versions are immutable once saved. */
export interface RuleVersion {
  id: string;
  version: number;
  effectiveFrom: string;
  note: string;
  rules: PathwayRules;
  createdAt: string;
}

function toRuleVersion(row: RuleVersionRow): RuleVersion {
  return {
    id: row.id,
    version: row.version,
    effectiveFrom: row.effective_from,
    note: row.note ?? '',
    rules: parseRuleVersion(row),
    createdAt: row.created_at,
  };
}

/** Pure: the version in force on `date` — the latest effective on or before it, else the earliest. */
export function versionInForce<T extends { version: number; effective_from: string }>(
  rows: readonly T[],
  date: string,
): T | undefined {
  const sorted = [...rows].sort((a, b) => a.version - b.version);
  const effective = sorted.filter((r) => r.effective_from <= date);
  return effective.at(-1) ?? sorted[0];
}

/** A programme's rule versions, newest first (programme managers). */
export async function listRuleVersions(
  db: Executor,
  deps: Services,
  actor: Actor,
  programmeSlug: string,
): Promise<RuleVersion[]> {
  ensure(actor, canPathway(actor, 'rules.manage'));
  const programme = await getProgramme(db, deps, actor, programmeSlug);
  return (await listRuleVersionRows(db, programme.id)).map(toRuleVersion);
}

/** The translated problem of each kind of schema issue (zod's issue codes). */
const ISSUE_KEYS: Record<string, string> = {
  invalid_type: 'rulesForm.json.invalidType',
  too_small: 'rulesForm.json.outOfRange',
  too_big: 'rulesForm.json.outOfRange',
  unrecognized_keys: 'rulesForm.json.unknownField',
  invalid_format: 'rulesForm.json.invalidValue',
  invalid_value: 'rulesForm.json.invalidValue',
  invalid_union: 'rulesForm.json.invalidValue',
  invalid_key: 'rulesForm.json.invalidValue',
};

/**
 * Parses rules given as JSON text or an object, reporting problems as translated field errors on `rules`:
 * shape problems with where they are, and cross-field ones (which the engine states in English) as the
 * rule form states them.
 */
export function parseRules(rules: string | Record<string, unknown>): PathwayRules {
  let value: unknown = rules;
  if (typeof rules === 'string') {
    try {
      value = JSON.parse(rules);
    } catch {
      throw new AppError('validation_failed', {}, [{ path: 'rules', key: 'validation.invalidJson' }]);
    }
  }
  const parsed = pathwayRulesSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const shape = parsed.error.issues.filter((issue) => issue.code !== 'custom');
  let fields: FieldError[] = shape.slice(0, 5).map((issue) => ({
    path: 'rules',
    key: ISSUE_KEYS[issue.code] ?? 'rulesForm.json.invalidValue',
    values: { where: ['$', ...issue.path.map(String)].join('.') },
  }));
  if (shape.length === 0) {
    // The shape is right (the cross-field checks run only then): the form's checks say what is wrong.
    const complete = { equivalences: {}, courseHours: {}, capstoneHours: 0, ...(value as object) };
    fields = rulesFromForm(rulesFormValues(complete as PathwayRules))
      .problems.slice(0, 5)
      .map((problem) => ({ ...problem, path: 'rules' }));
  }
  if (fields.length === 0) fields = [{ path: 'rules', key: 'validation.invalid' }];
  throw new AppError('validation_failed', {}, fields);
}

/** Every course code a rules document names (requirements and equivalences). */
function codesIn(rules: PathwayRules): string[] {
  const codes = new Set<string>();
  for (const r of rules.requirements) if (r.kind !== 'capstone') for (const c of r.courses) codes.add(c);
  for (const [from, to] of Object.entries(rules.equivalences ?? {})) {
    codes.add(from);
    codes.add(to);
  }
  return [...codes];
}

const newVersionSchema = ruleVersionSchema.extend({
  /** The manager confirmed a version that starts before the one in force. */
  confirmEarlier: z
    .union([z.boolean(), z.literal('1'), z.literal('on')])
    .optional()
    .transform((v) => v === true || v === '1' || v === 'on'),
});

/**
 * Saves a new rule version (programme managers; audited). Every course it names must exist; a version
 * that starts before the one in force today is refused unless `confirmEarlier` says it is meant.
 */
export async function createRuleVersion(
  db: Executor,
  deps: Services,
  actor: Actor,
  programmeSlug: string,
  input: unknown,
): Promise<RuleVersion> {
  ensure(actor, canPathway(actor, 'rules.manage'));
  const data = parseInput(newVersionSchema, input);
  const rules = parseRules(data.rules);
  const unknown: string[] = [];
  for (const code of codesIn(rules)) if (!(await findCourseId(db, deps, code))) unknown.push(code);
  if (unknown.length) {
    throw new AppError('validation_failed', {}, [
      { path: 'rules', key: 'validation.rulesUnknownCourses', values: { codes: unknown.join(', ') } },
    ]);
  }
  const programme = await getProgramme(db, deps, actor, programmeSlug);
  const id = newId();
  const now = deps.clock.now().toISOString();
  await inTransaction(db, async (trx) => {
    const existing = await listRuleVersionRows(trx, programme.id);
    const inForce = versionInForce(existing, now.slice(0, 10));
    if (inForce && data.effectiveFrom < inForce.effective_from && !data.confirmEarlier) {
      throw new AppError('validation_failed', {}, [
        {
          path: 'effectiveFrom',
          key: 'rulesForm.error.beforeInForce',
          values: { version: inForce.version, date: Date.parse(`${inForce.effective_from}T00:00:00Z`) },
        },
      ]);
    }
    const version = (existing[0]?.version ?? 0) + 1;
    await insertRuleVersion(trx, {
      id,
      programme_id: programme.id,
      version,
      effective_from: data.effectiveFrom,
      rules_json: JSON.stringify(rules),
      note: data.note || null,
      created_by: actor.kind === 'user' ? actor.id : null,
      created_at: now,
    });
    await audit(trx, deps.clock, actor, {
      action: 'rule-version.created',
      targetType: 'programme',
      targetId: programme.id,
      after: {
        version,
        effectiveFrom: data.effectiveFrom,
        rules,
        ...(data.confirmEarlier ? { startsBeforeVersionInForce: true } : {}),
      },
    });
  });
  const created = (await listRuleVersionRows(db, programme.id)).find((r) => r.id === id);
  if (!created) throw new AppError('internal');
  return toRuleVersion(created);
}
