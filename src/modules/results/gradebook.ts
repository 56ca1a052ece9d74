/**
 * The inputs and results of everyone in an edition, as the gradebook, its exports, the participants'
 * standing and the finalising read them: the policy (latest version), the confirmed participants, each
 * component's mark (an override, else the score the space item recorded, else not marked), the required
 * items gate (spaces), attendance (the port). Without a policy every person is still listed (no components,
 * no result), so the gradebook shows people and their participation from the start. Not a use case:
 * callers have checked access.
 */
import type { Executor } from '../../db/database.js';
import type { LocalizedText } from '../../i18n/localized.js';
import { confirmedParticipants } from '../places/places.queries.js';
import { allRequiredItemsComplete, itemsAndScoresOf } from '../spaces/spaces.queries.js';
import { type AttendanceSource, attendanceOrFull, attendanceSource } from './attendance-source.js';
import type { EditionPolicy } from './edition-policy.js';
import { evaluateResult, type Mark, type PersonInputs, type PersonResult } from './result-policy.js';
import { findLatestPolicy, listOverrides } from './results.repository.js';

/** The stored policy of an edition, with its version. */
export interface VersionedPolicy {
  version: number;
  policy: EditionPolicy;
  createdAt: string;
}

export async function latestPolicy(db: Executor, editionId: string): Promise<VersionedPolicy | null> {
  const row = await findLatestPolicy(db, editionId);
  return row
    ? {
        version: row.version,
        policy: JSON.parse(row.policy_json) as EditionPolicy,
        createdAt: row.created_at,
      }
    : null;
}

/** One cell of the gradebook: the mark used, where it comes from, and the override's reason. */
export interface GradebookCell {
  mark: Mark;
  source: 'override' | 'space' | 'none';
  /** The item's own score when an override hides it. */
  recorded: number | null;
  reason: string | null;
}

export interface GradebookRow {
  personId: string;
  fullName: string;
  email: string;
  inputs: PersonInputs;
  cells: GradebookCell[];
  /** The person's result under the policy; null while the edition has no result policy. */
  result: PersonResult | null;
}

/** A row with a result (the edition has a policy). */
export type EvaluatedRow = GradebookRow & { result: PersonResult };

/** Pure: whether a row carries a result. */
export function isEvaluated(row: GradebookRow): row is EvaluatedRow {
  return row.result !== null;
}

export interface Gradebook {
  policy: VersionedPolicy | null;
  components: { id: string; title: LocalizedText; weight: number; minMark: number | null; cutoff: string }[];
  rows: GradebookRow[];
  /** Every confirmed participant (id and name, in the gradebook's order), whether or not their row is here. */
  everyone: { id: string; fullName: string }[];
}

/** Whose rows to compute: one person's (their standing), a page of people (the gradebook page), or everyone. */
export type GradebookSelection = string | { offset: number; limit: number } | undefined;

/**
 * Everyone's inputs and result on `today` (only one person's when a person id is given, only a page of
 * people's when a page is: the others' inputs are not read). Attendance comes from the port
 * (`attendance-source.ts`); tests pass their own source.
 */
export async function loadGradebook(
  db: Executor,
  editionId: string,
  today: string,
  select?: GradebookSelection,
  attendanceOf: AttendanceSource = attendanceSource,
): Promise<Gradebook> {
  const [policy, everyone, { items, scores }, overrides] = await Promise.all([
    latestPolicy(db, editionId),
    confirmedParticipants(db, editionId),
    itemsAndScoresOf(db, editionId),
    listOverrides(db, editionId),
  ]);
  const people =
    typeof select === 'string'
      ? everyone.filter((p) => p.id === select)
      : select
        ? everyone.slice(select.offset, select.offset + select.limit)
        : everyone;
  const titles = new Map(items.map((i) => [i.id, i.title]));
  const components = (policy?.policy.components ?? []).map((c) => ({
    id: c.id,
    title: titles.get(c.id) ?? {},
    weight: c.weight,
    minMark: c.minMark,
    cutoff: c.cutoff,
  }));
  const scoreOf = new Map(scores.map((s) => [`${s.personId}:${s.itemId}`, s.score]));
  const overrideOf = new Map(overrides.map((o) => [`${o.user_id}:${o.component_id}`, o]));
  const ids = people.map((p) => p.id);
  // The required-items gate of the whole selection at once (two statements, not one a person).
  const [attendance, complete] = await Promise.all([
    attendanceOf(db, editionId, ids, today),
    allRequiredItemsComplete(db, editionId, ids),
  ]);
  const rows: GradebookRow[] = [];
  for (const person of people) {
    const cells = components.map((c): GradebookCell => {
      const recorded = scoreOf.get(`${person.id}:${c.id}`) ?? null;
      const override = overrideOf.get(`${person.id}:${c.id}`);
      if (override)
        return {
          mark: override.excused ? 'excused' : override.mark,
          source: 'override',
          recorded,
          reason: override.reason,
        };
      return { mark: recorded, source: recorded === null ? 'none' : 'space', recorded, reason: null };
    });
    const inputs: PersonInputs = {
      person: person.id,
      requiredItemsComplete: complete.get(person.id) ?? false,
      attendance: attendanceOrFull(attendance.get(person.id)),
      marks: Object.fromEntries(components.map((c, i) => [c.id, cells[i]?.mark ?? null])),
    };
    rows.push({
      personId: person.id,
      fullName: person.fullName,
      email: person.email,
      inputs,
      cells,
      result: policy ? evaluateResult(policy.policy, inputs, today) : null,
    });
  }
  return { policy, components, rows, everyone: everyone.map((p) => ({ id: p.id, fullName: p.fullName })) };
}
