import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { errorResponses } from '../../http/api-schemas.js';
import { librarySearchSchema } from './capstones.schemas.js';
import { searchLibrary } from './library/search-library.js';

const itemJson = z.object({
  id: z.string(),
  title: z.string(),
  country: z.string().describe('ISO 3166-1 alpha-2'),
  themes: z.array(z.string()),
  language: z.enum(['en', 'fr', 'es']),
  abstract: z.string(),
  year: z.number(),
  url: z.string().describe('The public library page'),
});

/** /api/v1 capstones: the public library (published capstones only, ever). */
export function capstonesApiRoutes(api: FastifyInstance, deps: Deps): void {
  const app = api.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/capstones',
    {
      config: { public: true },
      schema: {
        tags: ['capstones'],
        summary: 'Search the capstone library',
        description:
          'Published capstones only (passed, with their author’s consent); 20 a page, newest first. `q` searches the title, the policy question, the themes, the abstracts and the country’s name in English, French and Spanish.',
        querystring: librarySearchSchema,
        response: { 200: z.object({ items: z.array(itemJson), total: z.number() }), ...errorResponses(400) },
      },
    },
    async (request) => {
      const page = await searchLibrary(deps.db, deps, request.query);
      return { items: page.items, total: page.total };
    },
  );
}
