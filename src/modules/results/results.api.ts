import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { errorResponses } from '../../http/api-schemas.js';
import { getGradebook } from './get-gradebook.js';

const security = [{ bearerAuth: [] }];
const tags = ['results'];
const idParams = z.object({ id: z.string().max(64) });

const mark = z.union([z.number().int(), z.literal('excused'), z.null()]);
const gradebookJson = z.object({
  edition: z.object({ id: z.string(), code: z.string().nullable() }),
  today: z.string(),
  policyVersion: z.number().int().nullable(),
  passMark: z.number().int().nullable().describe('hundredths of a percent'),
  components: z.array(
    z.object({
      id: z.string(),
      title: z.record(z.string(), z.string().optional()),
      weight: z.number().int(),
      minMark: z.number().int().nullable(),
      cutoff: z.string(),
    }),
  ),
  rows: z.array(
    z.object({
      personId: z.string(),
      fullName: z.string(),
      email: z.string(),
      marks: z.record(z.string(), mark).describe('hundredths of a percent, "excused" or null (not marked)'),
      overridden: z.array(z.string()),
      total: z.number().int().nullable(),
      outcome: z
        .enum(['achievement', 'participation', 'none', 'pending'])
        .nullable()
        .describe('null while the edition has no result policy'),
      gates: z.record(z.string(), z.boolean()),
      missing: z.array(z.string()),
      finalisedOutcome: z.string().nullable(),
      participation: z
        .object({
          threads: z.number().int(),
          replies: z.number().int(),
          posts: z.number().int(),
          rounds: z.number().int(),
        })
        .nullable()
        .describe('forum threads started, replies, posts and debate rounds contributed to'),
    }),
  ),
});

/** The results JSON API: an edition's gradebook (managers and the edition's facilitators). */
export function resultsApiRoutes(api: FastifyInstance, deps: Deps): void {
  const app = api.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/editions/:id/gradebook',
    {
      schema: {
        tags,
        summary: "An edition's gradebook: marks (hundredths), totals and outcomes under its result policy",
        security,
        params: idParams,
        response: { 200: gradebookJson, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => {
      const book = await getGradebook(deps.db, deps, request.actor, request.params.id);
      return {
        edition: { id: book.edition.id, code: book.edition.code },
        today: book.today,
        policyVersion: book.policy?.version ?? null,
        passMark: book.policy?.policy.passMark ?? null,
        components: book.components,
        rows: book.rows.map((row) => ({
          personId: row.personId,
          fullName: row.fullName,
          email: row.email,
          marks: row.inputs.marks,
          overridden: book.components.filter((_, i) => row.cells[i]?.source === 'override').map((c) => c.id),
          total: row.result?.total ?? null,
          outcome: row.result?.outcome ?? null,
          gates: row.result?.gates ?? {},
          missing: row.result?.missing ?? [],
          participation: book.participation[row.personId] ?? null,
          finalisedOutcome: book.finalised[row.personId]?.outcome ?? null,
        })),
      };
    },
  );
}
