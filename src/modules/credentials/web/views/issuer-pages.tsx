import type { Translator } from '../../../../i18n/i18n.js';
import { Csrf, ErrorSummary, LocalizedFields, TextField } from '../../../../web/components.js';
import { Layout } from '../../../../web/layout.js';
import type { FieldMessages, PageContext } from '../../../../web/page-context.js';
import { ISSUER_NAME_MAX_LENGTH, ISSUER_URL_MAX_LENGTH } from '../../credentials.schemas.js';
import type { IssuerKeyView } from '../../keys/list-issuer-keys.js';

/** The signing keys, public facts only: id, algorithm, active or retired, where the private key lives. */
function KeysTable({ t, keys, caption }: { t: Translator; keys: IssuerKeyView[]; caption: string }) {
  return (
    <table class="keys">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.t('credential.web.issuer.kid')}</th>
          <th scope="col">{t.t('credential.web.issuer.algorithm')}</th>
          <th scope="col">{t.t('credential.web.issuer.keyStatus')}</th>
          <th scope="col">{t.t('credential.web.issuer.source')}</th>
          <th scope="col">{t.t('credential.web.issuer.created')}</th>
        </tr>
      </thead>
      <tbody>
        {keys.map((key) => (
          <tr>
            <td>
              <code class="break">{key.kid}</code>
            </td>
            <td>{t.t(`credential.web.issuer.use.${key.algorithm}`)}</td>
            <td>
              {t.t(`credential.web.issuer.status.${key.status}`)}
              {key.retiredAt ? (
                <>
                  <br />
                  <small>{t.t('credential.web.issuer.retiredOn', { date: t.dateTime(key.retiredAt) })}</small>
                </>
              ) : null}
            </td>
            <td>{t.t(`credential.web.issuer.sourceValue.${key.source}`)}</td>
            <td>{t.dateTime(key.createdAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Administrators: the issuer's profile (names per language, website, email, logo URL — embedded in every
 * credential issued afterwards) and the signing keys with the way to rotate them.
 */
export function IssuerPage({
  ctx,
  did,
  keys,
  values,
  errors = {},
  problem,
}: {
  ctx: PageContext;
  did: string;
  keys: IssuerKeyView[];
  values: Record<string, string | undefined>;
  errors?: FieldMessages;
  problem?: string | undefined;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.t('credential.web.issuer.title')}>
      <p>
        <a href="/admin/people">{t.t('credential.web.issuer.back')}</a>
      </p>
      <h1>{t.t('credential.web.issuer.title')}</h1>
      <p>{t.t('credential.web.issuer.intro')}</p>
      {problem ? (
        <p class="error-summary" role="alert">
          {problem}
        </p>
      ) : null}
      <h2>{t.t('credential.web.issuer.profile')}</h2>
      <ErrorSummary t={t} errors={errors} />
      <form method="post" action="/admin/issuer" class="stack" novalidate>
        <Csrf token={ctx.csrf} />
        <LocalizedFields
          t={t}
          name="name"
          legend={t.t('credential.web.issuer.name')}
          hint={t.t('form.oneLanguageRequired')}
          values={values}
          errors={errors}
          maxLength={ISSUER_NAME_MAX_LENGTH}
        />
        <TextField
          name="url"
          type="url"
          label={t.t('credential.web.issuer.url')}
          value={values.url}
          errors={errors}
          maxLength={ISSUER_URL_MAX_LENGTH}
          required
        />
        <TextField
          name="email"
          type="email"
          label={t.t('credential.web.issuer.email')}
          hint={t.t('credential.web.issuer.optional')}
          value={values.email}
          errors={errors}
          maxLength={254}
        />
        <TextField
          name="imageUrl"
          type="url"
          label={t.t('credential.web.issuer.imageUrl')}
          hint={t.t('credential.web.issuer.imageUrlHint')}
          value={values.imageUrl}
          errors={errors}
          maxLength={ISSUER_URL_MAX_LENGTH}
        />
        <button type="submit">{t.t('form.save')}</button>
      </form>
      <h2>{t.t('credential.web.issuer.keys')}</h2>
      <dl class="facts">
        <dt>{t.t('credential.web.issuer.did')}</dt>
        <dd>
          <code class="break">{did}</code>
        </dd>
      </dl>
      <p>
        {t.t('credential.web.issuer.documents')} <a href="/.well-known/did.json">did.json</a> ·{' '}
        <a href="/.well-known/jwks.json">jwks.json</a>
      </p>
      <KeysTable t={t} keys={keys} caption={t.t('credential.web.issuer.keysCaption')} />
      <p>
        <a class="button secondary" href="/admin/issuer/keys/rotate">
          {t.t('credential.web.issuer.rotate')}
        </a>
      </p>
    </Layout>
  );
}

/** The confirmation step of a key rotation: what it does, then the button that does it (or cancel). */
export function RotateKeysPage({ ctx, keys }: { ctx: PageContext; keys: IssuerKeyView[] }) {
  const { t } = ctx;
  const active = keys.filter((key) => key.status === 'active');
  return (
    <Layout ctx={ctx} title={t.t('credential.web.issuer.rotateTitle')}>
      <h1>{t.t('credential.web.issuer.rotateTitle')}</h1>
      <p>{t.t('credential.web.issuer.rotateBody')}</p>
      {active.some((key) => key.source === 'environment') ? (
        <p class="notice">{t.t('credential.web.issuer.rotateEnvironment')}</p>
      ) : null}
      <KeysTable t={t} keys={active} caption={t.t('credential.web.issuer.activeKeysCaption')} />
      <form method="post" action="/admin/issuer/keys/rotate" class="actions">
        <Csrf token={ctx.csrf} />
        <button type="submit">{t.t('credential.web.issuer.rotateConfirm')}</button>
        <a href="/admin/issuer">{t.t('credential.web.issuer.cancel')}</a>
      </form>
    </Layout>
  );
}
