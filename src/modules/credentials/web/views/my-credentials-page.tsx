import { pickLocalized } from '../../../../i18n/localized.js';
import { Layout } from '../../../../web/layout.js';
import type { PageContext } from '../../../../web/page-context.js';
import type { HolderCredential } from '../../list-holder-credentials.js';
import { CredentialStatusBadge, DownloadLinks, StatusChange } from './credential-components.js';

/** One credential of the holder: status, dates, the link to share, LinkedIn, downloads. */
function CredentialCard({ ctx, credential }: { ctx: PageContext; credential: HolderCredential }) {
  const { t } = ctx;
  const title = pickLocalized(credential.title, ctx.locale);
  const headingId = `credential-${credential.id}`;
  const linkId = `verify-link-${credential.id}`;
  const isShareable = credential.status === 'valid';
  return (
    <li class={`card credential credential-${credential.kind}`}>
      <h2 id={headingId} lang={title.isFallback ? title.lang : undefined}>
        {title.text}
      </h2>
      <p class="credential-status">
        <CredentialStatusBadge t={t} status={credential.status} />{' '}
        <StatusChange
          t={t}
          status={credential.status}
          reason={credential.statusReason}
          changedAt={credential.statusChangedAt}
        />
      </p>
      <p class="meta">
        {t.t('credential.web.holder.awardedOn', { date: t.date(credential.awardedOn, 'long') })} ·{' '}
        {t.t('credential.web.holder.code', { code: credential.shortCode })}
      </p>
      <div class="field">
        <label for={linkId}>{t.t('credential.web.holder.verifyLink')}</label>
        <p class="hint" id={`${linkId}-hint`}>
          {t.t('credential.web.holder.verifyLinkHint')}
        </p>
        <input
          id={linkId}
          type="url"
          value={credential.verifyUrl}
          readonly
          class="copy"
          aria-describedby={`${linkId}-hint`}
        />
      </div>
      <p class="actions">
        <a href={credential.verifyUrl}>
          {t.t('credential.web.holder.openVerify')}
          <span class="visually-hidden"> — {title.text}</span>
        </a>
        {isShareable ? (
          <a class="button secondary" href={credential.linkedInUrl} rel="noopener noreferrer">
            {t.t('credential.web.holder.linkedIn')}
            <span class="visually-hidden"> — {title.text}</span>
          </a>
        ) : null}
      </p>
      <h3 class="downloads-title">{t.t('credential.web.holder.downloads')}</h3>
      <DownloadLinks t={t} downloads={credential.downloads} context={title.text} />
    </li>
  );
}

/**
 * "My credentials" (`/my/credentials`): every certificate and diploma of the signed-in person, newest
 * first, with its status, the verification link to copy (a read-only field: no JavaScript needed), the
 * LinkedIn "add certification" link, and the downloads. An empty list explains when credentials come.
 */
export function MyCredentialsPage({
  ctx,
  credentials,
}: {
  ctx: PageContext;
  credentials: HolderCredential[];
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.t('credential.web.holder.title')}>
      <h1>{t.t('credential.web.holder.title')}</h1>
      {credentials.length === 0 ? (
        <div class="empty-state">
          <p>{t.t('credential.web.holder.empty')}</p>
          <p>
            <a href="/my/pathway">{t.t('credential.web.holder.emptyLink')}</a>
          </p>
        </div>
      ) : (
        <>
          <p>{t.t('credential.web.holder.intro')}</p>
          <ul class="cards credentials">
            {credentials.map((credential) => (
              <CredentialCard ctx={ctx} credential={credential} />
            ))}
          </ul>
        </>
      )}
    </Layout>
  );
}
