/** What the marking lists show of a submission: its participant label, state and marks (`summarise`). */
import type { Executor } from '../../db/database.js';
import { personNames } from '../identity/identity.queries.js';
import { findRevealed, listMarks, numbersOf } from './marking.repository.js';
import type { MarkingSubmissionRow, MarkRow } from './marking.tables.js';
import { agreement } from './moderation/moderate-submission.js';
import type { Scores } from './rubrics/rubric.js';
import { type MarkingState, participantLabel } from './workflow.js';

export interface MarkSummary {
  role: string;
  markerId: string;
  markerName: string;
  total: number | null;
  completed: boolean;
  overall: string;
  scores: Scores;
}

export interface SubmissionSummary {
  id: string;
  participant: string;
  state: MarkingState;
  viewPath: string;
  secondMarking: boolean;
  marks: MarkSummary[];
  discrepant: boolean;
  proposed: number | null;
  agreed: number | null;
  agreedNote: string | null;
  /** In the moderation sample (every fail and borderline, 10 % of the others); staff only. */
  sampled: boolean;
  /** The language it is written in (null: not said). */
  language: string | null;
}

async function participantLabels(
  db: Executor,
  rows: readonly MarkingSubmissionRow[],
  knownRevealed?: ReadonlySet<string>,
): Promise<Map<string, string>> {
  const contexts = [...new Set(rows.map((r) => r.context_id))];
  const numbers = await numbersOf(db, contexts, [...new Set(rows.map((r) => r.participant_id))]);
  const revealed = new Set<string>(knownRevealed);
  if (!knownRevealed) for (const c of contexts) if (await findRevealed(db, c)) revealed.add(c);
  const names = await personNames(
    db,
    rows.filter((r) => revealed.has(r.context_id)).map((r) => r.participant_id),
  );
  return new Map(
    rows.map((r) => {
      const label = participantLabel(numbers.get(`${r.context_id}:${r.participant_id}`) ?? 0);
      const name = revealed.has(r.context_id) ? names.get(r.participant_id) : undefined;
      return [r.id, name ? `${label} · ${name}` : label];
    }),
  );
}

export async function summarise(
  db: Executor,
  rows: readonly MarkingSubmissionRow[],
  onlyMarker: string | null,
  /** The revealed contexts among the rows', when the caller knows them already. */
  revealed?: ReadonlySet<string>,
  /** Every mark of the rows, when the caller has read them already. */
  knownMarks?: readonly MarkRow[],
): Promise<SubmissionSummary[]> {
  if (rows.length === 0) return [];
  const marks =
    knownMarks ??
    (await listMarks(
      db,
      rows.map((r) => r.id),
    ));
  const labels = await participantLabels(db, rows, revealed);
  const markerNames = await personNames(
    db,
    marks.map((m) => m.marker_id),
  );
  const toSummary = (m: MarkRow): MarkSummary => ({
    role: m.role,
    markerId: m.marker_id,
    markerName: markerNames.get(m.marker_id) ?? '',
    total: m.total,
    completed: m.completed_at !== null,
    overall: m.overall_comment,
    scores: JSON.parse(m.scores_json) as Scores,
  });
  const marksOf = new Map<string, MarkRow[]>();
  for (const m of marks) marksOf.set(m.submission_id, [...(marksOf.get(m.submission_id) ?? []), m]);
  return rows.map((r) => {
    const own = marksOf.get(r.id) ?? [];
    const first = own.find((m) => m.role === 'first' && m.completed_at);
    const second = own.find((m) => m.role === 'second' && m.completed_at);
    const { discrepant, proposed } = agreement(
      r.second_marking === 1,
      first?.total ?? null,
      second?.total ?? null,
      r.discrepancy,
    );
    const staffView = onlyMarker === null;
    return {
      id: r.id,
      participant: labels.get(r.id) ?? '',
      state: r.state as MarkingState,
      viewPath: r.view_path,
      secondMarking: r.second_marking === 1,
      marks: own.filter((m) => staffView || m.marker_id === onlyMarker).map(toSummary),
      discrepant: staffView && discrepant,
      proposed: staffView ? proposed : null,
      agreed: staffView ? r.agreed_mark : null,
      agreedNote: staffView ? r.agreed_note : null,
      sampled: false,
      language: r.language,
    };
  });
}
