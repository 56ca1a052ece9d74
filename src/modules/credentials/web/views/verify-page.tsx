import type { Translator } from '../../../../i18n/i18n.js';
import { pickLocalized } from '../../../../i18n/localized.js';
import { Localized } from '../../../../web/components.js';
import { Layout } from '../../../../web/layout.js';
import type { PageContext } from '../../../../web/page-context.js';
import type { VerificationStatus } from '../../credential.js';
import type { CredentialDownloads } from '../../get-credential-downloads.js';
import type { CredentialVerificationView } from '../../verifying/get-credential-for-verification.js';
import { CredentialStatusBadge, DownloadLinks, StatusChange } from './credential-components.js';

/** A sign beside the verdict's word (decorative: the word says it). */
const VERDICT_SIGNS: Record<VerificationStatus, string> = {
  valid: '✓',
  revoked: '✗',
  suspended: '!',
  expired: '⌛',
};

/** The path of a credential's verification page (links stay on the site the reader is on). */
const verifyPath = (id: string) => `/verify/${id}`;

/** The large, unmistakable answer at the top of the page: valid, revoked, suspended or expired, and why. */
function Verdict({ t, view, issuer }: { t: Translator; view: CredentialVerificationView; issuer: string }) {
  const { status } = view;
  return (
    <section class={`verdict verdict-${status}`} aria-labelledby="verdict-status">
      <p class="verdict-status" id="verdict-status">
        <span class="verdict-sign" aria-hidden="true">
          {VERDICT_SIGNS[status]}
        </span>{' '}
        {t.t(`credential.status.${status}`)}
      </p>
      <p class="verdict-meaning">
        {t.t(`credential.web.verify.meaning.${status}`, {
          issuer,
          date: view.validUntil ? t.date(view.validUntil, 'long') : '',
        })}
      </p>
      {status === 'revoked' || status === 'suspended' ? (
        <p>
          <StatusChange t={t} status={status} reason={view.statusReason} changedAt={view.statusChangedAt} />
        </p>
      ) : null}
      {view.supersededBy ? (
        <p>
          {t.t('credential.web.verify.supersededBy')}{' '}
          <a href={verifyPath(view.supersededBy.id)}>{view.supersededBy.shortCode}</a>
        </p>
      ) : null}
    </section>
  );
}

/** For a diploma: the credentials it counted, each with its own status and verification page. */
function Components({ ctx, view }: { ctx: PageContext; view: CredentialVerificationView }) {
  const { t } = ctx;
  if (view.kind !== 'diploma' || view.components.length === 0) return null;
  return (
    <>
      <h2 id="components-title">{t.t('credential.web.verify.components')}</h2>
      <table class="components" aria-labelledby="components-title">
        <thead>
          <tr>
            <th scope="col">{t.t('credential.web.verify.componentName')}</th>
            <th scope="col">{t.t('credential.web.verify.awardedOn')}</th>
            <th scope="col">{t.t('credential.web.verify.status')}</th>
          </tr>
        </thead>
        <tbody>
          {view.components.map((component) => (
            <tr>
              <td>
                <a href={verifyPath(component.id)}>
                  <Localized t={t} text={pickLocalized(component.title, ctx.locale)} />
                </a>
                <br />
                <small>
                  {t.t(`credential.kind.${component.kind}`)} · {component.shortCode}
                </small>
              </td>
              <td>{t.date(component.awardedOn, 'long')}</td>
              <td>
                <CredentialStatusBadge t={t} status={component.status} />
                {component.statusReason && component.status !== 'valid' ? (
                  <>
                    <br />
                    <small>{t.t(`credential.reason.${component.statusReason}`)}</small>
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** What the credential certifies, read from the signed credential (immutable). */
function Facts({
  ctx,
  view,
  issuer,
}: {
  ctx: PageContext;
  view: CredentialVerificationView;
  issuer: string;
}) {
  const { t } = ctx;
  return (
    <dl class="facts">
      <dt>{t.t('credential.web.verify.holder')}</dt>
      <dd class="holder" dir="auto">
        {view.holderName}
      </dd>
      <dt>{t.t('credential.web.verify.kind')}</dt>
      <dd>{t.t(`credential.kind.${view.kind}`)}</dd>
      <dt>{t.t(`credential.web.verify.achievement.${view.kind === 'diploma' ? 'programme' : 'course'}`)}</dt>
      <dd>
        <Localized t={t} text={pickLocalized(view.achievement.name, ctx.locale)} />
      </dd>
      <dt>{t.t('credential.web.verify.issuer')}</dt>
      <dd>{view.issuer.url ? <a href={view.issuer.url}>{issuer}</a> : issuer}</dd>
      <dt>{t.t('credential.web.verify.awardedOn')}</dt>
      <dd>{t.date(view.awardedOn, 'long')}</dd>
      {view.achievement.hours ? (
        <>
          <dt>{t.t('credential.web.verify.hours')}</dt>
          <dd>{view.achievement.hours}</dd>
        </>
      ) : null}
      {view.achievement.grade ? (
        <>
          <dt>{t.t('credential.web.verify.grade')}</dt>
          <dd>{view.achievement.grade}</dd>
        </>
      ) : null}
      <dt>{t.t('credential.web.verify.issuedAt')}</dt>
      <dd>{t.dateTime(view.issuedAt)}</dd>
      {view.validUntil ? (
        <>
          <dt>{t.t('credential.web.verify.validUntil')}</dt>
          <dd>{t.date(view.validUntil, 'long')}</dd>
        </>
      ) : null}
      <dt>{t.t('credential.web.verify.code')}</dt>
      <dd>
        <code>{view.shortCode}</code>
      </dd>
    </dl>
  );
}

/** What the page is for, on every verification page (the not-found page too). */
function AboutVerification({ t }: { t: Translator }) {
  return (
    <>
      <h2>{t.t('credential.web.verify.aboutTitle')}</h2>
      <p>{t.t('credential.web.verify.about')}</p>
      <p>
        <a href="/verify">{t.t('credential.web.check.link')}</a>
      </p>
    </>
  );
}

/**
 * The public verification page of a credential (`/verify/{id}`, no account needed, no JavaScript): the
 * verdict first, then who holds it, what it certifies, who issued it and when; a diploma's components;
 * the downloads only for the holder and managers (`downloads` is null for everyone else).
 */
export function CredentialVerificationPage({
  ctx,
  view,
  downloads,
}: {
  ctx: PageContext;
  view: CredentialVerificationView;
  downloads: CredentialDownloads | null;
}) {
  const { t } = ctx;
  const title = pickLocalized(view.title, ctx.locale);
  const issuer = pickLocalized(view.issuer.name, ctx.locale).text;
  return (
    <Layout
      ctx={ctx}
      title={`${t.t(`credential.status.${view.status}`)} — ${title.text}`}
      description={t.t('credential.web.verify.about')}
    >
      <p class="eyebrow">{t.t('credential.web.verify.eyebrow')}</p>
      <h1 lang={title.isFallback ? title.lang : undefined}>{title.text}</h1>
      <Verdict t={t} view={view} issuer={issuer} />
      <Facts ctx={ctx} view={view} issuer={issuer} />
      <Components ctx={ctx} view={view} />
      {downloads ? (
        <>
          <h2>{t.t('credential.web.verify.downloads')}</h2>
          <p class="hint">{t.t('credential.web.verify.downloadsHint')}</p>
          <DownloadLinks t={t} downloads={downloads} />
        </>
      ) : null}
      <AboutVerification t={t} />
    </Layout>
  );
}

/** The form that finds a credential by the code printed on it (GET, so the result is a link). */
export function CodeLookup({ t, value }: { t: Translator; value?: string | undefined }) {
  return (
    <form
      method="get"
      action="/verify"
      class="search"
      role="search"
      aria-label={t.t('credential.web.lookup.label')}
    >
      <label for="lookup-code">{t.t('credential.web.lookup.label')}</label>
      <input
        id="lookup-code"
        name="code"
        value={value ?? ''}
        maxLength={40}
        autocomplete="off"
        spellcheck={false}
        aria-describedby="lookup-hint"
      />
      <button type="submit">{t.t('credential.web.lookup.submit')}</button>
      <p class="hint" id="lookup-hint">
        {t.t('credential.web.lookup.hint')}
      </p>
    </form>
  );
}

/**
 * No credential has this address or code (404): says so, and still explains what the page is for and how
 * to look a credential up, since the reader may have mistyped the printed code.
 */
export function CredentialNotFoundPage({ ctx, code }: { ctx: PageContext; code?: string | undefined }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.t('credential.web.notFound.title')}>
      <p class="eyebrow">{t.t('credential.web.verify.eyebrow')}</p>
      <h1>{t.t('credential.web.notFound.title')}</h1>
      <section class="verdict verdict-not-found" aria-labelledby="verdict-status">
        <p class="verdict-status" id="verdict-status">
          <span class="verdict-sign" aria-hidden="true">
            ?
          </span>{' '}
          {t.t('credential.web.notFound.status')}
        </p>
        <p class="verdict-meaning">{t.t('credential.web.notFound.body')}</p>
      </section>
      <CodeLookup t={t} value={code} />
      <AboutVerification t={t} />
    </Layout>
  );
}
