import { Csrf, ErrorSummary, TextField } from '../../../web/components.js';
import { Layout } from '../../../web/layout.js';
import type { FieldMessages, PageContext } from '../../../web/page-context.js';
import { CREDENTIAL_NAME_MAX_LENGTH, type LrsCredentialSummary } from '../lrs-credentials.js';

interface CredentialsPageProps {
  ctx: PageContext;
  credentials: LrsCredentialSummary[];
  /** The credential just created: its `key:secret`, shown on this response only. */
  created?: { name: string; basic: string } | undefined;
  values?: Record<string, string>;
  errors?: FieldMessages;
}

/** The administrators' page of the LRS's HTTP Basic credentials. */
export function CredentialsPage({
  ctx,
  credentials,
  created,
  values = {},
  errors = {},
}: CredentialsPageProps) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.t('lrs.credentials.title')}>
      <h1>{t.t('lrs.credentials.title')}</h1>
      <p>{t.t('lrs.credentials.intro', { endpoint: '/xapi/' })}</p>
      {created ? (
        <div class="notice" role="status">
          <p>{t.t('lrs.credentials.createdOnce', { name: created.name })}</p>
          <p>
            <code class="secret">{created.basic}</code>
          </p>
        </div>
      ) : null}
      <ErrorSummary t={t} errors={errors} />
      <form method="post" action="/admin/lrs/credentials" class="stack narrow" novalidate>
        <Csrf token={ctx.csrf} />
        <TextField
          name="name"
          label={t.t('lrs.credentials.name')}
          value={values.name}
          errors={errors}
          maxLength={CREDENTIAL_NAME_MAX_LENGTH}
          required
        />
        <button type="submit">{t.t('lrs.credentials.create')}</button>
      </form>
      {credentials.length === 0 ? (
        <p>{t.t('lrs.credentials.none')}</p>
      ) : (
        <table>
          <caption>{t.t('lrs.credentials.listCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t.t('lrs.credentials.name')}</th>
              <th scope="col">{t.t('lrs.credentials.key')}</th>
              <th scope="col">{t.t('lrs.credentials.created')}</th>
              <th scope="col">{t.t('lrs.credentials.status')}</th>
            </tr>
          </thead>
          <tbody>
            {credentials.map((c) => (
              <tr>
                <td>{c.name}</td>
                <td>
                  <code>{c.key}</code>
                </td>
                <td>{t.dateTime(c.createdAt)}</td>
                <td>
                  {c.revokedAt ? (
                    t.t('lrs.credentials.revokedOn', { date: t.dateTime(c.revokedAt) })
                  ) : (
                    <form method="post" action={`/admin/lrs/credentials/${c.id}/revoke`} class="inline">
                      <Csrf token={ctx.csrf} />
                      <button
                        type="submit"
                        class="secondary"
                        aria-label={t.t('lrs.credentials.revokeNamed', { name: c.name })}
                      >
                        {t.t('lrs.credentials.revoke')}
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
