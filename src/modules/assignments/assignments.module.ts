/**
 * Individual assignments in course spaces (the `assignment` item kind): instructions, online text and files,
 * declaration, drafts, submission with a receipt (time and SHA-256), dates with overrides and extensions,
 * resubmission policies and attempts. Submissions are marked by the marking module's engine.
 */
import type { Module } from '../module.js';
import { assignmentKind } from './assignment-kind.js';
import { ASSIGNMENT_NOTIFICATION_KINDS } from './assignment-notices.js';
import { assignmentsAuditEvents } from './assignments.audit.js';
import { assignmentsWebRoutes } from './assignments.web.js';
import { seedDemoAssignments } from './demo/seed-assignments.js';
import * as assignments from './migrations/2026-12-06T2320-assignments.js';
import * as latePenalty from './migrations/2026-12-07T0400-assignments-late-penalty.js';
import * as groups from './migrations/2026-12-07T0800-assignments-groups.js';
import * as workLanguage from './migrations/2026-12-07T1401-assignments-work-language.js';
import * as references from './migrations/2026-12-07T1402-assignments-references.js';
import * as fileTexts from './migrations/2026-12-07T2300-assignments-file-texts.js';
import * as similarityPrints from './migrations/2026-12-08T0200-assignments-similarity-prints.js';
import * as similarityPairs from './migrations/2026-12-09T0300-assignments-similarity-pairs.js';
import { extractTextJob } from './similarity/file-texts.js';
import { similarityPairsJob } from './similarity/stored-pairs.js';

const staff = ['facilitator', 'manager'] as const;
const markers = ['assessor', 'facilitator', 'manager'] as const;

export const assignmentsModule: Module = {
  name: 'assignments',
  migrations: {
    '2026-12-06T2320-assignments': assignments,
    '2026-12-07T0400-assignments-late-penalty': latePenalty,
    '2026-12-07T0800-assignments-groups': groups,
    '2026-12-07T1401-assignments-work-language': workLanguage,
    '2026-12-07T1402-assignments-references': references,
    '2026-12-07T2300-assignments-file-texts': fileTexts,
    '2026-12-08T0200-assignments-similarity-prints': similarityPrints,
    '2026-12-09T0300-assignments-similarity-pairs': similarityPairs,
  },
  auditEvents: assignmentsAuditEvents,
  tables: [
    'assignments',
    'assignment_date_overrides',
    'assignment_submissions',
    'assignment_files',
    'assignment_contributions',
    'assignment_references',
    'assignment_file_texts',
    'assignment_similarity',
    'assignment_similarity_pairs',
  ],
  jobs: [extractTextJob, similarityPairsJob],
  webRoutes: assignmentsWebRoutes,
  spaceItemKinds: [assignmentKind],
  seed: async (deps) => {
    await seedDemoAssignments(deps);
    return undefined;
  },
  notificationKinds: ASSIGNMENT_NOTIFICATION_KINDS,
  routeAccess: {
    'GET /editions/:id/assignments/new': staff,
    'POST /editions/:id/assignments': staff,
    'GET /assignments/:id': 'signed-in',
    'GET /assignments/:id/edit': staff,
    'POST /assignments/:id': staff,
    'POST /assignments/:id/draft': 'signed-in',
    'POST /assignments/:id/contribution': 'signed-in',
    'POST /assignments/:id/submit': 'signed-in',
    'POST /assignments/:id/attempts': 'signed-in',
    'POST /assignments/:id/files': 'signed-in',
    'POST /assignments/:id/files/:fileId/remove': 'signed-in',
    'GET /assignments/:id/submissions/:submissionId/files/:fileId': 'signed-in',
    'GET /assignments/:id/manage': staff,
    'POST /assignments/:id/overrides': staff,
    'POST /assignments/:id/submissions/:submissionId/reopen': staff,
    'GET /assignments/:id/submissions.zip': staff,
    'POST /assignments/:id/feedback-zip': staff,
    'POST /assignments/:id/references': staff,
    'POST /assignments/:id/references/:referenceId/remove': staff,
    'GET /assignments/marking/:submissionId': markers,
    'GET /assignments/marking/:submissionId/files/:fileId': markers,
  },
};
