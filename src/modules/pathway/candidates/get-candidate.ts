import type { Executor } from '../../../db/database.js';
import type { Services } from '../../../deps.js';
import type { Locale } from '../../../i18n/i18n.js';
import type { Actor } from '../../../kernel/actor.js';
import { type AuditTrail, listAuditEvents } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/errors.js';
import { isId } from '../../../kernel/ids.js';
import { ensure } from '../../../kernel/policy.js';
import { auditTrailOf } from '../../audit-trail.js';
import type { Account } from '../../identity/account/account.js';
import { findPerson } from '../../identity/identity.queries.js';
import { canPathway } from '../pathway.policy.js';
import { findCandidacy } from '../pathway.repository.js';
import { type CandidateDetail, detailOf } from './candidate-detail.js';

/** A candidate's page for programme managers: fresh evaluation, timeline, person and audit trail. */
export async function getCandidate(
  db: Executor,
  deps: Services,
  actor: Actor,
  candidacyId: string,
  lang: Locale,
): Promise<{ detail: CandidateDetail; person: Account; audit: AuditTrail }> {
  ensure(actor, canPathway(actor, 'candidates.read'));
  if (!isId(candidacyId)) throw new AppError('not_found');
  const row = await findCandidacy(db, candidacyId);
  if (!row) throw new AppError('not_found');
  // The candidate's account through identity's internal query: reading a candidate (authorised above)
  // includes who they are, whoever is asking (the system's jobs too).
  const [detail, person, candidacyAudit, personAudit] = await Promise.all([
    detailOf(db, deps, row, lang),
    findPerson(db, row.user_id),
    listAuditEvents(db, 'candidacy', row.id, 100),
    listAuditEvents(db, 'user', row.user_id, 100),
  ]);
  const events = [
    ...candidacyAudit,
    ...personAudit.filter((e) => e.action.startsWith('result.') || e.action.startsWith('enrolment.')),
  ].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
  if (!person) throw new AppError('not_found');
  return { detail, person, audit: await auditTrailOf(db, deps.modules, events, lang) };
}
