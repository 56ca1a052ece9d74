import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { Locale } from '../../i18n/i18n.js';
import { translator } from '../../i18n/i18n.js';
import { textFor } from './credential-reading.js';
import { loadIssuerProfile } from './keys/issuer.js';

/** The scope of reading one's credentials in the Open Badges API. */
export const OB_CREDENTIAL_READ_SCOPE = 'https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.readonly';

/**
 * Anyone: the Open Badges 3.0 Service Description Document (`GET /ims/ob/v3p0/discovery`): an OpenAPI 3.0
 * document profiled from 1EdTech's, naming this resource server, its terms and privacy pages, and the one
 * endpoint it serves (`getCredentials`). Authentication is a personal API token (`Authorization: Bearer`);
 * OAuth 2.0 dynamic client registration is not offered yet, so `securitySchemes` lists no `OAuth2ACG`
 * (the extension `x-dp-bearerToken` says how to authenticate instead).
 */
export async function getObDiscovery(
  db: Executor,
  deps: Services,
  locale: Locale,
): Promise<Record<string, unknown>> {
  const profile = await loadIssuerProfile(db, deps);
  const base = deps.config.baseUrl.replace(/\/+$/, '');
  const t = translator(locale);
  return {
    openapi: '3.0.1',
    info: {
      title: textFor(profile.name, locale),
      description: t.t('credential.api.discoveryDescription'),
      version: '1.0',
      termsOfService: `${base}/`,
      'x-imssf-privacyPolicyUrl': `${base}/`,
      ...(profile.imageUrl ? { 'x-imssf-image': profile.imageUrl } : {}),
    },
    servers: [{ url: `${base}/ims/ob/v3p0`, description: t.t('credential.api.discoveryServer') }],
    components: {
      securitySchemes: {},
      'x-dp-bearerToken': {
        type: 'http',
        scheme: 'bearer',
        description: t.t('credential.api.bearerToken'),
        tokenPage: `${base}/account/tokens`,
      },
    },
    paths: {
      '/credentials': {
        get: {
          tags: ['OpenBadgeCredentials'],
          operationId: 'getCredentials',
          summary: t.t('credential.api.getCredentials'),
          parameters: [
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100 } },
            { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0 } },
            { name: 'since', in: 'query', schema: { type: 'string', format: 'date-time' } },
          ],
          'x-dp-scope': OB_CREDENTIAL_READ_SCOPE,
          responses: { '200': { description: 'GetOpenBadgeCredentialsResponse' } },
        },
      },
      '/discovery': {
        get: {
          tags: ['Discovery'],
          operationId: 'getServiceDescription',
          responses: { '200': { description: 'ServiceDescriptionDocument' } },
        },
      },
    },
  };
}
