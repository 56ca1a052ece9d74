/**
 * What the capstones module tells people: the committee decided on a candidate's proposal (with its comment
 * quoted), the outcome of their capstone, and — to the candidate and to the supervisor — that the
 * candidate's window was extended (the new end, the reason quoted). PERSISTED SHAPE: events are stored as
 * JSON with their kind.
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

export type WindowExtended = {
  kind: 'capstones.window-extended';
  capstoneId: string;
  /** Who is told: the candidate, or the capstone's supervisor. */
  recipient: 'candidate' | 'supervisor';
  months: number;
  /** The window's new end (null when the window has not started). */
  deadline: string | null;
  reason: string;
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
  defineNotificationKind<WindowExtended>({
    kind: 'capstones.window-extended',
    event: z.object({
      kind: z.literal('capstones.window-extended'),
      capstoneId: z.string().max(64),
      recipient: z.enum(['candidate', 'supervisor']),
      months: z.number().int().min(1).max(120),
      deadline: z.string().max(10).nullable(),
      reason: z.string().max(4000),
    }),
    label: 'capstones.notice.extendedLabel',
    texts: (event) => ({
      line: `capstones.notice.extended.${event.recipient}.line`,
      mailSubject: `capstones.notice.extended.${event.recipient}.subject`,
      mailBody: `capstones.notice.extended.${event.recipient}.body`,
    }),
    path: capstonePath,
    action: 'capstones.notice.openCapstone',
    subject: { lookup: capstones, id: (event) => event.capstoneId },
    values: (t, event, subject) => ({
      title: subject.title ?? t.t('capstones.notice.untitled'),
      months: event.months,
      deadline: event.deadline ? t.date(event.deadline, 'long') : t.t('capstones.notice.noDeadline'),
    }),
    quote: (event) => (event.reason ? { label: 'capstones.notice.reason', text: event.reason } : null),
  }),
];
