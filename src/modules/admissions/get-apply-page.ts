import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { Locale } from '../../i18n/i18n.js';
import type { Actor } from '../../kernel/actor.js';
import { ensure } from '../../kernel/policy.js';
import { getProgramme } from '../programmes/get-programme.js';
import type { Programme } from '../programmes/programme.js';
import { loadAdmissionSettings } from './admission-settings.js';
import { canAdmissions } from './admissions.policy.js';
import { isAdmissionOpen } from './application.js';
import { listMyApplications } from './list-my-applications.js';

/** What the "Apply" page of a programme shows: whether applications are open, or the reader's own application. */
export type ApplyPage =
  | { kind: 'existing'; applicationId: string }
  | { kind: 'form'; programme: Programme; isOpen: boolean; closesOn: string | null };

/**
 * The start of an application (signed-in people): someone who already applied to the programme is sent to
 * their application (one per person and programme); otherwise the page says whether it takes applications.
 */
export async function getApplyPage(
  db: Executor,
  deps: Services,
  actor: Actor,
  programmeSlug: string,
  locale: Locale,
): Promise<ApplyPage> {
  ensure(actor, canAdmissions(actor, 'application.apply'));
  const programme = await getProgramme(db, deps, actor, programmeSlug);
  const mine = await listMyApplications(db, deps, actor, locale);
  const existing = mine.find((a) => a.programmeId === programme.id);
  if (existing) return { kind: 'existing', applicationId: existing.id };
  const settings = await loadAdmissionSettings(db, programme.id);
  return {
    kind: 'form',
    programme,
    isOpen: isAdmissionOpen(settings, deps.clock.now().toISOString().slice(0, 10)),
    closesOn: settings.closesOn,
  };
}
