import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import { DEFAULT_TIME_ZONE, isTimeZone } from '../../i18n/time-zones.js';
import { pdfTextAvailable } from '../../integrations/pdf-text.js';
import type { Actor } from '../../kernel/actor.js';
import { findPerson } from '../identity/identity.queries.js';
import { confirmedParticipants } from '../places/places.queries.js';
import { type EffectiveDates, effectiveDates } from './assignment.js';
import { assignmentAccess, ensureManage } from './assignment-access.js';
import { listOverrides, listSubmittedOfAssignment } from './assignments.repository.js';
import type { OverrideRow } from './assignments.tables.js';
import { listReferences } from './similarity/similarity.repository.js';
import {
  namedLabels,
  pairsPage,
  type SimilarityResult,
  similarityCheck,
} from './similarity/similarity-check.js';
import { type AssignmentSettings, toOverride, toSettings } from './submission-state.js';

/** The staff page of an assignment: every participant, their dates and latest submission; overrides. */
export interface ManagePage {
  settings: AssignmentSettings;
  timeZone: string;
  people: {
    id: string;
    name: string;
    dates: EffectiveDates;
    latest: {
      id: string;
      attempt: number;
      submittedAt: string | null;
      late: boolean;
      reopened: boolean;
    } | null;
  }[];
  overrides: (OverrideRow & { name: string | null })[];
  /**
   * Pairs of latest submissions that overlap, here or with an earlier edition's or a reference document, with
   * their shared passages: one page of them, the most similar first, and how many in all.
   */
  similar: SimilarityResult;
  /** Whether this server reads PDF text (pdftotext): when not, the page says PDFs are left out. */
  pdfText: boolean;
  /** The reference documents the check compares with. */
  references: { id: string; title: string; type: string; sizeBytes: number }[];
}

export async function getManagePage(
  db: Executor,
  deps: Services,
  actor: Actor,
  assignmentId: string,
  /** The query string: `pairs`, the page of similar pairs. */
  query: { pairs?: unknown } = {},
): Promise<ManagePage> {
  const access = await assignmentAccess(db, actor, assignmentId);
  ensureManage(access);
  const settings = toSettings(access.assignment);
  const [people, overrideRows, submitted, me] = await Promise.all([
    confirmedParticipants(db, settings.editionId),
    listOverrides(db, settings.id),
    listSubmittedOfAssignment(db, settings.id),
    findPerson(db, access.userId),
  ]);
  const overrides = overrideRows.map(toOverride);
  const names = new Map(people.map((p) => [p.id, p.fullName]));
  const similar = await similarityCheck(
    db,
    deps,
    { id: settings.id, editionId: settings.editionId },
    submitted,
    namedLabels(db, names),
    { page: pairsPage(query.pairs) },
  );
  const references = (await listReferences(db, settings.id)).map((r) => ({
    id: r.id,
    title: r.title,
    type: r.type,
    sizeBytes: r.size_bytes,
  }));
  return {
    similar,
    pdfText: await pdfTextAvailable(),
    references,
    settings,
    timeZone: me?.timeZone && isTimeZone(me.timeZone) ? me.timeZone : DEFAULT_TIME_ZONE,
    people: people.map((p) => {
      const latest = submitted
        .filter((s) => s.person_id === p.id)
        .sort((a, b) => a.attempt - b.attempt)
        .at(-1);
      return {
        id: p.id,
        name: p.fullName,
        dates: effectiveDates(settings.defaults, overrides, p.id, []),
        latest: latest
          ? {
              id: latest.id,
              attempt: latest.attempt,
              submittedAt: latest.submitted_at,
              late: latest.late === 1,
              reopened: latest.reopened_at !== null,
            }
          : null,
      };
    }),
    overrides: overrideRows.map((o) => ({
      ...o,
      name: o.person_id ? (names.get(o.person_id) ?? null) : null,
    })),
  };
}
