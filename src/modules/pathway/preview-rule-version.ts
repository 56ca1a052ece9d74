import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { ensure } from '../../kernel/policy.js';
import { getProgramme } from '../programmes/get-programme.js';
import { canPathway } from './pathway.policy.js';
import { parseRules } from './rule-versions.js';
import { displayStatus } from './rules/pathway-status.js';
import { visitProgrammeEvaluations } from './standing.js';

/** What a rules document would do to a programme's current candidates. */
export interface RulesPreview {
  /** Candidates evaluated. */
  candidates: number;
  /** Those whose status would differ from today's. */
  changes: number;
  /** The changes by status, most frequent first. */
  byChange: { from: string; to: string; count: number }[];
}

/**
 * Previews rules (JSON text or an object) on a programme's current candidates with the pure engine: each
 * candidate is evaluated today under their own version and under these rules, and the status changes are
 * counted. Nothing is saved (programme managers).
 */
export async function previewRuleVersion(
  db: Executor,
  deps: Services,
  actor: Actor,
  programmeSlug: string,
  rulesInput: string | Record<string, unknown>,
): Promise<RulesPreview> {
  ensure(actor, canPathway(actor, 'rules.manage'));
  const rules = parseRules(rulesInput);
  const programme = await getProgramme(db, deps, actor, programmeSlug);
  const today = deps.clock.now().toISOString().slice(0, 10);
  const now = new Map<string, string>();
  await visitProgrammeEvaluations(db, programme.id, today, (row, evaluation) =>
    now.set(row.id, displayStatus(row.status, evaluation.status)),
  );
  const counts = new Map<string, { from: string; to: string; count: number }>();
  await visitProgrammeEvaluations(
    db,
    programme.id,
    today,
    (row, evaluation) => {
      const from = now.get(row.id) ?? '';
      const to = displayStatus(row.status, evaluation.status);
      if (from === to) return;
      const key = `${from}>${to}`;
      const entry = counts.get(key) ?? { from, to, count: 0 };
      entry.count += 1;
      counts.set(key, entry);
    },
    { rules },
  );
  const byChange = [...counts.values()].sort((a, b) => b.count - a.count || a.from.localeCompare(b.from));
  return {
    candidates: now.size,
    changes: byChange.reduce((sum, c) => sum + c.count, 0),
    byChange,
  };
}
