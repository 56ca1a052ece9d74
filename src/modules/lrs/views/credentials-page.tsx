import { Layout } from '../../../web/layout.js';
import type { PageContext } from '../../../web/page-context.js';
import { TokensList, type TokensPageState } from '../../../web/tokens-list.js';
import { CREDENTIAL_NAME_MAX_LENGTH, type LrsCredentialSummary } from '../lrs-credentials.js';

interface CredentialsPageProps extends TokensPageState {
  ctx: PageContext;
  credentials: LrsCredentialSummary[];
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
      <TokensList
        ctx={ctx}
        messages="lrs.credentials"
        shownHeading="lrs.credentials.key"
        action="/admin/lrs/credentials"
        nameMaxLength={CREDENTIAL_NAME_MAX_LENGTH}
        tokens={credentials.map((credential) => ({ ...credential, shown: credential.key }))}
        created={created}
        values={values}
        errors={errors}
      />
    </Layout>
  );
}
