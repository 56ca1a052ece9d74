import type { Executor } from '../../../db/database.js';
import type { Services } from '../../../deps.js';
import { isLocale, translator } from '../../../i18n/i18n.js';
import type { Actor } from '../../../kernel/actor.js';
import { AppError } from '../../../kernel/errors.js';
import { isId } from '../../../kernel/ids.js';
import { ensure } from '../../../kernel/policy.js';
import { type CredentialKind, pdfStorageKey } from '../credential.js';
import { parseStoredCredential, readCredential, textFor } from '../credential-reading.js';
import { printedShortUrl, verifyUrl } from '../credential-urls.js';
import { canCredentials, canReadCredentialOf } from '../credentials.policy.js';
import { findCredential, listComponents, updateCredential } from '../credentials.repository.js';
import type { CredentialRow } from '../credentials.tables.js';
import { type CredentialPdfModel, renderCredentialPdf } from './index.js';

/** Pure-ish: the PDF's view-model, read from the signed credential and translated in its holder's language. */
async function pdfModel(db: Executor, deps: Services, row: CredentialRow): Promise<CredentialPdfModel> {
  const locale = isLocale(row.locale) ? row.locale : 'en';
  const t = translator(locale);
  const kind = row.kind as CredentialKind;
  const content = readCredential(parseStoredCredential(row.credential_json));
  const hours = content.hours === null ? null : Number(content.hours);
  const components =
    kind === 'diploma'
      ? (await listComponents(db, row.id)).map((component) => {
          const read = readCredential(parseStoredCredential(component.credential_json));
          return { title: textFor(read.achievementName, locale), awardedOn: read.awardedOn };
        })
      : undefined;
  return {
    locale,
    kind,
    holderName: content.holderName,
    title: textFor(content.achievementName, locale),
    awardedOn: content.awardedOn,
    hours: hours !== null && Number.isFinite(hours) ? hours : null,
    grade: content.grade,
    issuerName: textFor(content.issuerName, locale),
    verifyUrl: verifyUrl(deps.config.baseUrl, row.id),
    shortUrl: printedShortUrl(deps.config.baseUrl, row.short_code),
    ...(components ? { components } : {}),
    signedCredentialJson: row.credential_json,
    labels: {
      heading: t.t(`credential.pdf.heading.${kind}`),
      certifies: t.t('credential.pdf.certifies'),
      completion: t.t(`credential.pdf.completion.${kind}`),
      awardedOn: t.t('credential.pdf.awardedOn'),
      hours: t.t('credential.pdf.hours'),
      grade: t.t('credential.pdf.grade'),
      ...(components ? { components: t.t('credential.pdf.components') } : {}),
      verify: t.t('credential.pdf.verify'),
      attachment: t.t('credential.pdf.attachment'),
    },
  };
}

/**
 * A credential's PDF could not be produced (rendering or storing it failed: fonts missing, disk full…).
 * Its stack is its message alone, so the job runner and the download log one line per failure instead of
 * a trace each; the message carries the cause's message (never its stack).
 */
export class CredentialPdfError extends Error {
  readonly credentialId: string;

  constructor(credentialId: string, cause: unknown) {
    super(
      `credential ${credentialId}: PDF not produced: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
    this.name = 'CredentialPdfError';
    this.credentialId = credentialId;
    this.stack = `${this.name}: ${this.message}`;
  }
}

/**
 * The credential's PDF, rendered once and stored (DATA_DIR/files by default); rendered again only when the
 * stored file is lost. Rendering is deterministic (same credential, same bytes). Used by the PDF job and by
 * `credentialPdf`. Throws `CredentialPdfError` when the PDF cannot be rendered or stored.
 */
export async function ensureCredentialPdf(
  db: Executor,
  deps: Services,
  row: CredentialRow,
): Promise<Uint8Array> {
  if (row.pdf_key) {
    const stored = await deps.storage.get(row.pdf_key);
    if (stored) return stored;
    deps.log.warn(
      { credentialId: row.id, key: row.pdf_key },
      'stored credential PDF missing: rendering it again',
    );
  }
  const key = pdfStorageKey(row.id);
  let bytes: Uint8Array;
  try {
    bytes = await renderCredentialPdf(await pdfModel(db, deps, row));
    await deps.storage.put(key, bytes);
  } catch (error) {
    throw new CredentialPdfError(row.id, error);
  }
  if (row.pdf_key !== key) {
    await updateCredential(db, row.id, { pdf_key: key, updated_at: deps.clock.now().toISOString() });
  }
  return bytes;
}

/**
 * The holder (or a manager) downloads a credential's PDF: one A4 landscape page in the holder's language
 * with the signed credential attached. 401/403/404 as for the other downloads; `pdf_unavailable` (503, a
 * translated page or JSON error, one log line) when the PDF cannot be produced now.
 */
export async function credentialPdf(
  db: Executor,
  deps: Services,
  actor: Actor,
  credentialId: string,
): Promise<{ bytes: Uint8Array; fileName: string }> {
  ensure(actor, canCredentials(actor, 'credentials.read'));
  const row = isId(credentialId) ? await findCredential(db, credentialId) : undefined;
  if (!row) throw new AppError('not_found');
  ensure(actor, canReadCredentialOf(actor, row.user_id));
  try {
    return {
      bytes: await ensureCredentialPdf(db, deps, row),
      fileName: `credential-${row.short_code.toLowerCase()}.pdf`,
    };
  } catch (error) {
    if (!(error instanceof CredentialPdfError)) throw error;
    deps.log.error({ credentialId: row.id, reason: error.message }, 'credential PDF download failed');
    throw new AppError('pdf_unavailable');
  }
}
