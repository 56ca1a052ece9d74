/**
 * What the capstones module tells candidates: the committee decided on their proposal (with its comment
 * quoted), and the outcome of their capstone. PERSISTED SHAPE: events are stored as JSON with their kind.
 */
import { z } from 'zod';
import type { Executor } from '../../db/database.js';
import {
  defineNotificationKind,
  type NoticeSubject,
  type SubjectLookup,
} from '../notifications/notification-kind.js';
import { listCapstoneTitles } from './capstones.repository.js';

export type ProposalDecided = {
  kind: 'capstones.proposal-decided';
  capstoneId: string;
  decision: 'approve' | 'return' | 'reject';
  comment: string | null;
};

export type CapstoneOutcome = {
  kind: 'capstones.outcome';
  capstoneId: string;
  outcome: 'pass' | 'require-resubmission' | 'fail';
  due: string | null;
};

const capstones: SubjectLookup = {
  async load(db: Executor, ids: readonly string[]) {
    const out = new Map<string, NoticeSubject>();
    for (const row of await listCapstoneTitles(db, ids)) out.set(row.id, { title: { en: row.title } });
    return out;
  },
};

const capstonePath = (event: { capstoneId: string }) => `/capstones/${encodeURIComponent(event.capstoneId)}`;

export const CAPSTONE_NOTIFICATION_KINDS = [
  defineNotificationKind<ProposalDecided>({
    kind: 'capstones.proposal-decided',
    event: z.object({
      kind: z.literal('capstones.proposal-decided'),
      capstoneId: z.string().max(64),
      decision: z.enum(['approve', 'return', 'reject']),
      comment: z.string().max(4000).nullable(),
    }),
    label: 'capstones.notice.decidedLabel',
    texts: (event) => ({
      line: `capstones.notice.decided.${event.decision}.line`,
      mailSubject: `capstones.notice.decided.${event.decision}.subject`,
      mailBody: `capstones.notice.decided.${event.decision}.body`,
    }),
    path: capstonePath,
    action: 'capstones.notice.action',
    subject: { lookup: capstones, id: (event) => event.capstoneId },
    values: (t, _event, subject) => ({ title: subject.title ?? t.t('capstones.notice.untitled') }),
    quote: (event) => (event.comment ? { label: 'capstones.notice.comment', text: event.comment } : null),
  }),
  defineNotificationKind<CapstoneOutcome>({
    kind: 'capstones.outcome',
    event: z.object({
      kind: z.literal('capstones.outcome'),
      capstoneId: z.string().max(64),
      outcome: z.enum(['pass', 'require-resubmission', 'fail']),
      due: z.string().max(10).nullable(),
    }),
    label: 'capstones.notice.outcomeLabel',
    texts: (event) => ({
      line: `capstones.notice.outcome.${event.outcome}.line`,
      mailSubject: `capstones.notice.outcome.${event.outcome}.subject`,
      mailBody: `capstones.notice.outcome.${event.outcome}.body`,
    }),
    path: capstonePath,
    action: 'capstones.notice.action',
    subject: { lookup: capstones, id: (event) => event.capstoneId },
    values: (t, event, subject) => ({
      title: subject.title ?? t.t('capstones.notice.untitled'),
      due: event.due ? t.date(event.due, 'long') : '',
    }),
  }),
];
