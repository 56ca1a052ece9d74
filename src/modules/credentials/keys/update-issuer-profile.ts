import type { Executor } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import { type Actor, actorId } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import { ensure } from '../../../kernel/policy.js';
import { parseInput } from '../../../kernel/validation.js';
import { canCredentials } from '../credentials.policy.js';
import { findIssuerProfile, ISSUER_PROFILE_ID, saveIssuerProfile } from '../credentials.repository.js';
import { issuerProfileSchema } from '../credentials.schemas.js';
import { getIssuerProfile, type IssuerProfileView } from './get-issuer-profile.js';

/**
 * Administrators set the issuing organisation's profile: its name in each language (at least one), URL,
 * email and logo URL; audited. Credentials issued afterwards embed it; those issued before keep the profile
 * they were signed with (issued credentials are immutable).
 */
export async function updateIssuerProfile(
  db: Executor,
  deps: Services,
  actor: Actor,
  input: unknown,
): Promise<IssuerProfileView> {
  ensure(actor, canCredentials(actor, 'issuer.manage'));
  const data = parseInput(issuerProfileSchema, input);
  const name = Object.fromEntries(Object.entries(data.name).filter(([, text]) => text && text.length > 0));
  await inTransaction(db, async (trx) => {
    const before = await findIssuerProfile(trx);
    const row = {
      id: ISSUER_PROFILE_ID,
      name_i18n: JSON.stringify(name),
      url: data.url,
      email: data.email,
      image_url: data.imageUrl,
      updated_by: actorId(actor),
      updated_at: deps.clock.now().toISOString(),
    };
    await saveIssuerProfile(trx, row);
    await audit(trx, deps.clock, actor, {
      action: 'issuer.profile-updated',
      targetType: 'issuer',
      targetId: ISSUER_PROFILE_ID,
      before: before
        ? {
            name: JSON.parse(before.name_i18n),
            url: before.url,
            email: before.email,
            imageUrl: before.image_url,
          }
        : null,
      after: { name, url: data.url, email: data.email, imageUrl: data.imageUrl },
    });
  });
  return getIssuerProfile(db, deps);
}
