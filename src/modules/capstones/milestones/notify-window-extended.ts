import type { Executor } from '../../../db/database.js';
import type { Services } from '../../../deps.js';
import type { ExtensionGranted } from '../../module.js';
import { notify } from '../../notifications/notify.js';
import { candidacyStanding } from '../capstone-candidate.js';
import type { WindowExtended } from '../capstone-notices.js';
import { findCapstoneOfCandidacy } from '../capstones.repository.js';

/**
 * When a manager extends a candidate's window (the pathway's `grantExtension`, this module's
 * `onExtensionGranted`): tells the candidate and the capstone's supervisor, in the platform and by email,
 * each in their own language, with the window's new end and the reason. Only while the capstone can still
 * use the time (not passed nor failed); a candidate with no capstone is not told here. Runs in the
 * extension's transaction; one notice per extension and person.
 */
export async function notifyWindowExtended(
  db: Executor,
  deps: Services,
  extension: ExtensionGranted,
): Promise<void> {
  const row = await findCapstoneOfCandidacy(db, extension.candidacyId);
  if (!row || row.state === 'passed' || row.state === 'failed') return;
  // The window's end with this extension (the evaluation reads the extension just written).
  const today = deps.clock.now().toISOString().slice(0, 10);
  const deadline = (await candidacyStanding(db, extension.candidacyId, today))?.deadline ?? null;
  const recipients: [WindowExtended['recipient'], string][] = [['candidate', row.user_id]];
  if (row.supervisor_id) recipients.push(['supervisor', row.supervisor_id]);
  for (const [recipient, recipientId] of recipients) {
    const event: WindowExtended = {
      kind: 'capstones.window-extended',
      capstoneId: row.id,
      recipient,
      months: extension.months,
      deadline,
      reason: extension.reason,
    };
    await notify(db, deps.clock, {
      recipientId,
      event,
      key: `capstones.window-extended:${extension.extensionId}:${recipient}`,
    });
  }
}
