import type { Executor } from '../../../db/database.js';
import type { Services } from '../../../deps.js';
import type { LocalizedText } from '../../../i18n/localized.js';
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
import { parseStoredCredential, readCredential } from '../credential-reading.js';
import { printedShortUrl, shortUrl, verifyUrl } from '../credential-urls.js';
import { findCredential, findCredentialByShortCode, listComponents } from '../credentials.repository.js';
import type { CredentialRow } from '../credentials.tables.js';

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

async function findByIdOrCode(
  db: Executor,
  _deps: Services,
  idOrCode: string,
): Promise<CredentialRow | undefined> {
  const text = idOrCode.trim();
  if (isId(text.toLowerCase())) return findCredential(db, text.toLowerCase());
  const code = parseShortCode(text);
  return code ? findCredentialByShortCode(db, code) : undefined;
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
  const row = await findByIdOrCode(db, deps, idOrCode);
  if (!row) throw new AppError('not_found');
  const now = deps.clock.now();
  const base = deps.config.baseUrl;
  const content = readCredential(parseStoredCredential(row.credential_json));
  const replacement = row.superseded_by ? await findCredential(db, row.superseded_by) : undefined;
  const components =
    row.kind === 'diploma'
      ? (await listComponents(db, row.id)).map((component): VerificationComponent => {
          const read = readCredential(parseStoredCredential(component.credential_json));
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
        })
      : [];
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
