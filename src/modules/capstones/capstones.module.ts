/**
 * The capstone: the candidate's proposal (country, policy question, themes, the approaches of the Academy
 * and of the three counted courses), the committee's decision, supervision with a load limit, milestones
 * and drafts, the final hand-in with its receipt, double-blind assessment through the marking engine, the
 * outcome recorded on the pathway (and the capstone credential in the diploma's CLR), and the public
 * library. docs/capstone.md.
 */
import type { Module } from '../module.js';
import { CAPSTONE_NOTIFICATION_KINDS } from './capstone-notices.js';
import { capstonesAuditEvents } from './capstones.audit.js';
import * as capstones from './migrations/2026-12-07T0300-capstones.js';

export const capstonesModule: Module = {
  name: 'capstones',
  migrations: { '2026-12-07T0300-capstones': capstones },
  auditEvents: capstonesAuditEvents,
  tables: [
    'capstones',
    'capstone_attempts',
    'capstone_messages',
    'capstone_supervisors',
    'capstone_settings',
  ],
  notificationKinds: CAPSTONE_NOTIFICATION_KINDS,
};
