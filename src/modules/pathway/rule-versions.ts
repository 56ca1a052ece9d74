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

/** Parses rules given as JSON text or an object, reporting engine-schema problems as field errors. */
function parseRules(rules: string | Record<string, unknown>): PathwayRules {
  let value: unknown = rules;
  if (typeof rules === 'string') {
    try {
      value = JSON.parse(rules);
    } catch {
      throw new AppError('validation_failed', {}, [{ path: 'rules', key: 'validation.invalidJson' }]);
    }
  }
  const parsed = pathwayRulesSchema.safeParse(value);
  if (!parsed.success) {
    const fields: FieldError[] = parsed.error.issues.slice(0, 5).map((issue) => ({
      path: 'rules',
      key: 'validation.rulesProblem',
      values: { where: `$.${issue.path.map(String).join('.')}`, problem: issue.message },
    }));
    throw new AppError('validation_failed', {}, fields);
  }
  return parsed.data;
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

/** Saves a new rule version (programme managers; audited). Every course it names must exist. */
export async function createRuleVersion(
  db: Executor,
  deps: Services,
  actor: Actor,
  programmeSlug: string,
  input: unknown,
): Promise<RuleVersion> {
  ensure(actor, canPathway(actor, 'rules.manage'));
  const data = parseInput(ruleVersionSchema, input);
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
      after: { version, effectiveFrom: data.effectiveFrom, rules },
    });
  });
  const created = (await listRuleVersionRows(db, programme.id)).find((r) => r.id === id);
  if (!created) throw new AppError('internal');
  return toRuleVersion(created);
}
