/**
 * Case studies in course spaces: the `case` item kind (a country context, documents and data, questions),
 * individual or group answers (a group set of the groups module), new information released at set dates
 * and not visible before, the facilitator's feedback, a debrief shown after the deadline. docs/roleplays.md.
 */
import type { Module } from '../module.js';
import { caseKind } from './case-kind.js';
import { casesAuditEvents } from './cases.audit.js';
import { casesWebRoutes } from './cases.web.js';
import { seedDemoCases } from './demo/seed-cases.js';
import * as cases from './migrations/2026-12-07T0250-cases.js';

const STAFF = ['facilitator', 'manager'] as const;

export const casesModule: Module = {
  name: 'cases',
  migrations: { '2026-12-07T0250-cases': cases },
  tables: ['cases', 'case_releases', 'case_documents', 'case_answers'],
  auditEvents: casesAuditEvents,
  spaceItemKinds: [caseKind],
  webRoutes: casesWebRoutes,
  seed: async (deps) => {
    await seedDemoCases(deps);
    return undefined;
  },
  // Participants' routes are for anyone signed in: the use cases answer "not found" outside the edition.
  // biome-ignore format: a table, one route per line
  routeAccess: {
    'GET /cases/:itemId/manage': STAFF,
    'POST /cases/:itemId': STAFF,
    'POST /cases/:itemId/news': STAFF,
    'POST /cases/:itemId/documents': STAFF,
    'GET /cases/:itemId/documents/:documentId': 'signed-in',
    'POST /cases/:itemId/answers/:answerId/feedback': STAFF,
    'GET /cases/:itemId/answer': 'signed-in',
    'POST /cases/:itemId/answer': 'signed-in',
  },
};
