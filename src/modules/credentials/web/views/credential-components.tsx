import type { Translator } from '../../../../i18n/i18n.js';
import type { StatusReason, VerificationStatus } from '../../credential.js';
import type { CredentialDownloads } from '../../get-credential-downloads.js';

/** A credential's status as a small badge (the verification page has its own, larger verdict). */
export function CredentialStatusBadge({ t, status }: { t: Translator; status: VerificationStatus }) {
  return <span class={`badge status-${status}`}>{t.t(`credential.status.${status}`)}</span>;
}

/**
 * When and why a credential was revoked or suspended ("Revoked on 3 Dec 2026 · Reason: Issued in error"),
 * or nothing for a valid one. The reason is the public category, never the manager's note.
 */
export function StatusChange({
  t,
  status,
  reason,
  changedAt,
}: {
  t: Translator;
  status: VerificationStatus;
  reason: StatusReason | null;
  changedAt: string | null;
}) {
  if (status !== 'revoked' && status !== 'suspended') return null;
  const when = changedAt ? t.t(`credential.web.${status}On`, { date: t.date(changedAt, 'long') }) : null;
  const why = reason ? t.t('credential.web.reason', { reason: t.t(`credential.reason.${reason}`) }) : null;
  return <span class="status-change">{[when, why].filter(Boolean).join(' · ')}</span>;
}

/**
 * The downloads of a credential: the PDF first, then the signed forms (JSON-LD with its proof, the two
 * VC-JWTs, the CLR bundle of a diploma). `context` names the credential for screen readers, whose link
 * lists would otherwise read "PDF, PDF, PDF". No `download` attribute: the responses' Content-Disposition
 * saves the file, and a failure (a PDF that cannot be produced now) shows its translated page instead of
 * a browser's silent failed download.
 */
export function DownloadLinks({
  t,
  downloads,
  context,
}: {
  t: Translator;
  downloads: CredentialDownloads;
  context?: string;
}) {
  const links: [string, string][] = [
    [downloads.pdf, t.t('credential.web.download.pdf')],
    [downloads.json, t.t('credential.web.download.json')],
    [downloads.jwtRs256, t.t('credential.web.download.jwtRs256')],
    [downloads.jwtEddsa, t.t('credential.web.download.jwtEddsa')],
    ...(downloads.clr ? ([[downloads.clr, t.t('credential.web.download.clr')]] as [string, string][]) : []),
  ];
  return (
    <ul class="downloads">
      {links.map(([href, label]) => (
        <li>
          <a href={href}>
            {label}
            {context ? <span class="visually-hidden"> — {context}</span> : null}
          </a>
        </li>
      ))}
    </ul>
  );
}
