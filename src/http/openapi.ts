import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import type { Deps } from '../deps.js';

/**
 * The OpenAPI 3.1 document of /api/v1, generated from the same zod schemas that validate requests, served
 * at /api/openapi.json, with a browsable reference at /api/docs.
 */
export async function installOpenApi(app: FastifyInstance, deps: Deps): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Diploma Platform API',
        version: '1.0.0',
        description:
          'JSON API of the Diploma Platform. Authenticate with a personal API token (create one on your account page): `Authorization: Bearer dp_…`. Errors are `{ "error": { "code", "message", "fields"? } }`; messages follow `?lang=en|fr|es` or the token owner\'s language.',
      },
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', description: 'Personal API token (dp_…)' },
        },
      },
    },
    // The document describes /api/v1 only: the machine endpoints whose paths standards fix (the VC-API, the
    // xAPI LRS, Open Badges) have their own specifications and are described in docs/api.md.
    transform: (input) => {
      const out = jsonSchemaTransform(input);
      return input.url.startsWith('/api/v1/') ? out : { ...out, schema: { ...out.schema, hide: true } };
    },
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    // Swagger UI sends its own CSP; on plain http, upgrade-insecure-requests would break its assets.
    transformStaticCSP: (header) =>
      deps.config.secureCookies ? header : header.replace(/\s*upgrade-insecure-requests;?/g, ''),
    uiConfig: { url: '/api/openapi.json', docExpansion: 'list', deepLinking: true },
  });
}
