import type { Executor } from '../../../db/database.js';
import { deepFreeze } from '../../../db/kept-results.js';
import type { Services } from '../../../deps.js';
import type { LocalizedText } from '../../../i18n/localized.js';
import { BoundedMemo } from '../../../kernel/bounded-memo.js';
import { AppError } from '../../../kernel/errors.js';
import { isId } from '../../../kernel/ids.js';
import {
  type CredentialKind,
  type CredentialStatus,
  formatShortCode,
  parseShortCode,
  type StatusReason,
  type VerificationStatus,
  verificationStatus,
} from '../credential.js';
import { type CredentialContent, parseStoredCredential, readCredential } from '../credential-reading.js';
import { printedShortUrl, shortUrl, verifyUrl } from '../credential-urls.js';
import { findCredential } from '../credentials.repository.js';
import {
  findCredentialToVerify,
  findCredentialWithComponentsToVerify,
  listComponentsToVerify,
  listCredentialJsons,
} from './verify-page.repository.js';

/** A component credential of a diploma, as the verification page lists it. */
export interface VerificationComponent {
  id: string;
  shortCode: string;
  kind: CredentialKind;
  status: VerificationStatus;
  statusReason: StatusReason | null;
  title: LocalizedText;
  awardedOn: string;
  verifyUrl: string;
  /** The correction that replaced it, when it was superseded. */
  supersededBy: string | null;
}

/** The public view of a credential (no account needed): what `/verify/{id}` shows. */
export interface CredentialVerificationView {
  id: string;
  /** `XXXX-XXXX`. */
  shortCode: string;
  kind: CredentialKind;
  status: VerificationStatus;
  /** The public reason category of a revocation or suspension (the manager's note stays private). */
  statusReason: StatusReason | null;
  statusChangedAt: string | null;
  /** The correction that replaced this credential (revoked with reason `superseded`). */
  supersededBy: { id: string; shortCode: string; verifyUrl: string } | null;
  holderName: string;
  /** The holder's language: the credential's texts come first in it. */
  locale: string;
  title: LocalizedText;
  achievement: {
    name: LocalizedText;
    description: LocalizedText;
    hours: string | null;
    grade: string | null;
  };
  issuer: { name: LocalizedText; url: string | null };
  issuedAt: string;
  awardedOn: string;
  validUntil: string | null;
  verifyUrl: string;
  shortUrl: string;
  printedShortUrl: string;
  /** For a diploma: the counted component credentials, each with its own status. */
  components: VerificationComponent[];
}

/** The credential and, for a diploma, its components (by id: one statement; by printed code: two). */
async function findByIdOrCode(db: Executor, idOrCode: string) {
  const text = idOrCode.trim();
  if (isId(text.toLowerCase())) {
    const [row, ...listed] = await findCredentialWithComponentsToVerify(db, text.toLowerCase());
    return row ? { row, listed } : undefined;
  }
  const code = parseShortCode(text);
  const row = code ? await findCredentialToVerify(db, { shortCode: code }) : undefined;
  if (!row) return undefined;
  return { row, listed: row.kind === 'diploma' ? await listComponentsToVerify(db, row.id) : [] };
}

/**
 * The signed texts of credentials, read and parsed once per credential: a credential's JSON never changes
 * once issued (its status lives in other columns), and a diploma's page would otherwise read and parse
 * five signed documents (~9 KB each) on every visit.
 */
const CONTENTS = new BoundedMemo<CredentialContent>(5_000);

async function contentsOf(db: Executor, ids: readonly string[]): Promise<Map<string, CredentialContent>> {
  const found = new Map<string, CredentialContent>();
  const missing: string[] = [];
  for (const id of ids) {
    const kept = CONTENTS.peek(id);
    if (kept) found.set(id, kept);
    else missing.push(id);
  }
  for (const row of await listCredentialJsons(db, missing)) {
    const content = deepFreeze(readCredential(parseStoredCredential(row.credential_json)));
    CONTENTS.set(row.id, content);
    found.set(row.id, content);
  }
  return found;
}

/**
 * Anyone: the public view of a credential by its id or its short code (`ABCD-EFGH`, any case, with or
 * without the dash). Texts come from the signed credential itself (immutable); the status from the
 * database, which changes with the status lists in one transaction. 404 when there is no such credential.
 */
export async function getCredentialForVerification(
  db: Executor,
  deps: Services,
  idOrCode: string,
): Promise<CredentialVerificationView> {
  if (idOrCode.length > 80) throw new AppError('not_found');
  const found = await findByIdOrCode(db, idOrCode);
  if (!found) throw new AppError('not_found');
  const { row, listed } = found;
  const now = deps.clock.now();
  const base = deps.config.baseUrl;
  const replacement = row.superseded_by ? await findCredential(db, row.superseded_by) : undefined;
  const contents = await contentsOf(db, [row.id, ...listed.map((c) => c.id)]);
  const content = contents.get(row.id)!;
  const components = listed.map((component): VerificationComponent => {
    const read = contents.get(component.id)!;
    return {
      id: component.id,
      shortCode: formatShortCode(component.short_code),
      kind: component.kind as CredentialKind,
      status: verificationStatus(component.status as CredentialStatus, read.validUntil, now),
      statusReason: component.status_reason as StatusReason | null,
      title: read.achievementName,
      awardedOn: read.awardedOn,
      verifyUrl: verifyUrl(base, component.id),
      supersededBy: component.superseded_by,
    };
  });
  return {
    id: row.id,
    shortCode: formatShortCode(row.short_code),
    kind: row.kind as CredentialKind,
    status: verificationStatus(row.status as CredentialStatus, content.validUntil, now),
    statusReason: row.status_reason as StatusReason | null,
    statusChangedAt: row.status_changed_at,
    supersededBy: replacement
      ? {
          id: replacement.id,
          shortCode: formatShortCode(replacement.short_code),
          verifyUrl: verifyUrl(base, replacement.id),
        }
      : null,
    holderName: content.holderName,
    locale: row.locale,
    title: content.title,
    achievement: {
      name: content.achievementName,
      description: content.achievementDescription,
      hours: content.hours,
      grade: content.grade,
    },
    issuer: { name: content.issuerName, url: content.issuerUrl },
    issuedAt: row.issued_at,
    awardedOn: content.awardedOn,
    validUntil: content.validUntil,
    verifyUrl: verifyUrl(base, row.id),
    shortUrl: shortUrl(base, row.short_code),
    printedShortUrl: printedShortUrl(base, row.short_code),
    components,
  };
}
