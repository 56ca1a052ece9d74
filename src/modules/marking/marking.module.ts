/**
 * The marking engine: rubrics (templates, versions frozen once marked), participant numbers and blind
 * marking, marker allocation, the workflow not marked → … → released, second marking and moderation,
 * feedback released with the mark. It marks "submissions" handed over by owner modules (assignments, later
 * the capstone) identified by owner module + id, and knows nothing else about them.
 */
import type { Module } from '../module.js';
import { markingAuditEvents } from './marking.audit.js';
import { MARKING_NOTIFICATION_KINDS } from './marking-notices.js';
import * as marking from './migrations/2026-12-06T2330-marking.js';

export const markingModule: Module = {
  name: 'marking',
  migrations: { '2026-12-06T2330-marking': marking },
  auditEvents: markingAuditEvents,
  notificationKinds: MARKING_NOTIFICATION_KINDS,
  tables: [
    'marking_rubrics',
    'marking_rubric_versions',
    'marking_numbers',
    'marking_contexts',
    'marking_submissions',
    'marking_marks',
  ],
};
