import { z } from 'zod';
import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { LocalizedText } from '../../i18n/localized.js';
import type { Actor } from '../../kernel/actor.js';
import { AppError } from '../../kernel/errors.js';
import { isId } from '../../kernel/ids.js';
import { ensure } from '../../kernel/policy.js';
import { parseInput } from '../../kernel/validation.js';
import {
  type CredentialKind,
  type CredentialStatus,
  formatShortCode,
  type StatusReason,
  type VerificationStatus,
  verificationStatus,
} from './credential.js';
import { parseStoredCredential, readCredential, textFor } from './credential-reading.js';
import { downloadUrls, linkedInAddUrl, printedShortUrl, shortUrl, verifyUrl } from './credential-urls.js';
import { canCredentials, canReadCredentialOf } from './credentials.policy.js';
import { listCredentialsOfUser } from './credentials.repository.js';

/** Most credentials listed at once ("My credentials" shows them all: a person has a few dozen at most). */
export const HOLDER_LIST_LIMIT = 500;

/** One credential in a holder's list ("My credentials", a manager's view of a person). */
export interface HolderCredential {
  id: string;
  shortCode: string;
  kind: CredentialKind;
  /** The course a certificate is for, or the programme and candidacy of a diploma. */
  courseId: string | null;
  programmeId: string | null;
  candidacyId: string | null;
  status: VerificationStatus;
  statusReason: StatusReason | null;
  statusChangedAt: string | null;
  supersededBy: string | null;
  title: LocalizedText;
  achievementName: LocalizedText;
  issuedAt: string;
  awardedOn: string;
  locale: string;
  verifyUrl: string;
  shortUrl: string;
  printedShortUrl: string;
  downloads: ReturnType<typeof downloadUrls>;
  /** LinkedIn's "add certification" form, prefilled in the holder's language. */
  linkedInUrl: string;
}

const inputSchema = z.object({ userId: z.string().max(64).optional() });

/**
 * The credentials of a person, newest first, with their status and the links the holder shares: the
 * signed-in person's own (no input), or a given person's for managers (`{ userId }`). Someone else's
 * list is 403 for anyone but managers (a person's credentials are theirs to share).
 */
export async function listHolderCredentials(
  db: Executor,
  deps: Services,
  actor: Actor,
  input: unknown = {},
): Promise<HolderCredential[]> {
  ensure(actor, canCredentials(actor, 'credentials.read'));
  const { userId: asked } = parseInput(inputSchema, input);
  const userId = asked ?? (actor.kind === 'user' ? actor.id : null);
  if (!userId) throw new AppError('not_found');
  ensure(actor, canReadCredentialOf(actor, userId));
  if (!isId(userId)) throw new AppError('not_found');
  const { rows } = await listCredentialsOfUser(db, userId, { limit: HOLDER_LIST_LIMIT, offset: 0 });
  const now = deps.clock.now();
  const base = deps.config.baseUrl;
  return rows.map((row) => {
    const content = readCredential(parseStoredCredential(row.credential_json));
    const verify = verifyUrl(base, row.id);
    return {
      id: row.id,
      shortCode: formatShortCode(row.short_code),
      kind: row.kind as CredentialKind,
      courseId: row.course_id,
      programmeId: row.programme_id,
      candidacyId: row.candidacy_id,
      status: verificationStatus(row.status as CredentialStatus, content.validUntil, now),
      statusReason: row.status_reason as StatusReason | null,
      statusChangedAt: row.status_changed_at,
      supersededBy: row.superseded_by,
      title: content.title,
      achievementName: content.achievementName,
      issuedAt: row.issued_at,
      awardedOn: content.awardedOn,
      locale: row.locale,
      verifyUrl: verify,
      shortUrl: shortUrl(base, row.short_code),
      printedShortUrl: printedShortUrl(base, row.short_code),
      downloads: downloadUrls(base, row.id, row.clr_json !== null),
      linkedInUrl: linkedInAddUrl({
        title: textFor(content.title, row.locale),
        issuerName: textFor(content.issuerName, row.locale),
        awardedOn: content.awardedOn,
        verifyUrl: verify,
        shortCode: row.short_code,
      }),
    };
  });
}
