import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.js';
import { tokenRoutes } from '../../web/token-routes.js';
import { createLrsCredential, listLrsCredentials, revokeLrsCredential } from './lrs-credentials.js';
import { CredentialsPage } from './views/credentials-page.js';

/** The administrators' page of LRS credentials (create: shown once; revoke). */
export function lrsWebRoutes(app: FastifyInstance, deps: Deps): void {
  tokenRoutes(app, {
    pagePath: '/admin/lrs',
    createPath: '/admin/lrs/credentials',
    revokedFlash: 'lrs.credentials.revoked',
    list: async (request) => (await listLrsCredentials(deps.db, deps, request.actor)).credentials,
    create: async (request, body) => {
      const created = await createLrsCredential(deps.db, deps, request.actor, body);
      return { name: String(body.name ?? '').trim(), secret: `${created.key}:${created.secret}` };
    },
    revoke: (request, id) => revokeLrsCredential(deps.db, deps, request.actor, id),
    page: (ctx, credentials, state) => <CredentialsPage ctx={ctx} credentials={credentials} {...state} />,
  });
}
