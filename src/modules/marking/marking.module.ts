/**
 * The marking engine: rubrics (templates, versions frozen once marked), participant numbers and blind
 * marking, marker allocation, the workflow not marked → … → released, second marking and moderation,
 * feedback released with the mark. It marks "submissions" handed over by owner modules (assignments, later
 * the capstone) identified by owner module + id, and knows nothing else about them.
 */
import type { Module } from '../module.js';
import { markingAuditEvents } from './marking.audit.js';
import { markingWebRoutes } from './marking.web.js';
import { MARKING_NOTIFICATION_KINDS } from './marking-notices.js';
import * as marking from './migrations/2026-12-06T2330-marking.js';
import * as examiners from './migrations/2026-12-06T2331-marking-examiners.js';
import * as latePenalty from './migrations/2026-12-07T0401-marking-late-penalty.js';
import * as commentBank from './migrations/2026-12-07T0402-marking-comment-bank.js';
import * as feedbackFiles from './migrations/2026-12-07T0403-marking-feedback-files.js';
import * as groupMembers from './migrations/2026-12-07T0801-marking-group-members.js';
import * as languages from './migrations/2026-12-07T1400-marking-languages.js';

const staff = ['facilitator', 'manager'] as const;
const markers = ['assessor', 'facilitator', 'manager'] as const;

export const markingModule: Module = {
  name: 'marking',
  migrations: {
    '2026-12-06T2330-marking': marking,
    '2026-12-06T2331-marking-examiners': examiners,
    '2026-12-07T0401-marking-late-penalty': latePenalty,
    '2026-12-07T0402-marking-comment-bank': commentBank,
    '2026-12-07T0403-marking-feedback-files': feedbackFiles,
    '2026-12-07T0801-marking-group-members': groupMembers,
    '2026-12-07T1400-marking-languages': languages,
  },
  auditEvents: markingAuditEvents,
  notificationKinds: MARKING_NOTIFICATION_KINDS,
  webRoutes: markingWebRoutes,
  navigation: [{ href: '/marking/my', label: 'marking.nav', shownTo: markers, order: 75 }],
  routeAccess: {
    'GET /marking/rubrics': staff,
    'GET /marking/rubrics/new': staff,
    'POST /marking/rubrics': staff,
    'GET /marking/rubrics/:rubricId': staff,
    'POST /marking/rubrics/:rubricId': staff,
    'GET /marking/my': markers,
    'GET /marking/editions/:id': staff,
    'POST /marking/editions/:id/allocate': staff,
    'POST /marking/editions/:id/release': staff,
    'POST /marking/editions/:id/bulk': staff,
    'POST /marking/editions/:id/reveal': ['manager'],
    'POST /marking/editions/:id/examiners': ['manager'],
    'GET /marking/submissions/:submissionId': markers,
    'POST /marking/submissions/:submissionId/mark': markers,
    'POST /marking/submissions/:submissionId/allocate': staff,
    'POST /marking/submissions/:submissionId/review': staff,
    'POST /marking/submissions/:submissionId/agree': staff,
    'POST /marking/submissions/:submissionId/release': staff,
    'POST /marking/submissions/:submissionId/insert-comment': markers,
    'POST /marking/comments': markers,
    'POST /marking/submissions/:submissionId/feedback-files': markers,
    'GET /marking/feedback-files/:fileId': ['participant', ...markers],
    'POST /marking/comments/:commentId/remove': markers,
    'POST /marking/languages': markers,
  },
  tables: [
    'marking_rubrics',
    'marking_rubric_versions',
    'marking_numbers',
    'marking_contexts',
    'marking_submissions',
    'marking_marks',
    'marking_examiners',
    'marking_comments',
    'marking_feedback_files',
    'marking_marker_languages',
  ],
};
