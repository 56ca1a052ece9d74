/**
 * What the forums module tells people: they were mentioned, a post was written where they subscribed
 * (immediately), and their daily digest. PERSISTED SHAPE: the events are stored as JSON with their kind;
 * keep reading what was written. Events carry ids only: the thread's subject is looked up when shown, and a
 * post hidden since is looked up as nothing (its words never reach a notice or an email).
 */
import { z } from 'zod';
import type { Executor } from '../../db/database.js';
import {
  defineNotificationKind,
  type NoticeSubject,
  type SubjectLookup,
} from '../notifications/notification-kind.js';
import { findPost, findThread } from './forums.repository.js';

export type ForumMention = { kind: 'forums.mention'; postId: string; threadId: string };
export type ForumNewPost = { kind: 'forums.new-post'; postId: string; threadId: string };
export type ForumDigest = {
  kind: 'forums.digest';
  day: string;
  threadId: string;
  posts: number;
  threads: number;
};

/** Posts' threads' subjects; a hidden or deleted post has none. */
const posts: SubjectLookup = {
  async load(db: Executor, ids: readonly string[]) {
    const out = new Map<string, NoticeSubject>();
    for (const id of new Set(ids)) {
      const post = await findPost(db, id);
      if (!post || post.hidden === 1) continue;
      const thread = await findThread(db, post.thread_id);
      if (thread) out.set(id, { title: { en: thread.subject } });
    }
    return out;
  },
};

const threads: SubjectLookup = {
  async load(db: Executor, ids: readonly string[]) {
    const out = new Map<string, NoticeSubject>();
    for (const id of new Set(ids)) {
      const thread = await findThread(db, id);
      if (thread) out.set(id, { title: { en: thread.subject } });
    }
    return out;
  },
};

const ids = { postId: z.string().min(1).max(64), threadId: z.string().min(1).max(64) };
const threadPath = (threadId: string) => `/threads/${encodeURIComponent(threadId)}`;
/** A post's own address: it leads to the page of its thread the post is on, whatever came after it. */
const postPath = (postId: string) => `/posts/${encodeURIComponent(postId)}`;

export const FORUM_NOTIFICATION_KINDS = [
  defineNotificationKind<ForumMention>({
    kind: 'forums.mention',
    event: z.object({ kind: z.literal('forums.mention'), ...ids }),
    label: 'forums.notice.mention.label',
    texts: () => ({
      line: 'forums.notice.mention.line',
      mailSubject: 'forums.notice.mention.subject',
      mailBody: 'forums.notice.mention.body',
    }),
    path: (event) => postPath(event.postId),
    action: 'forums.notice.open',
    subject: { lookup: posts, id: (event) => event.postId },
    values: (t, _event, subject) => ({ title: subject.title ?? t.t('forums.notice.unavailable') }),
  }),
  defineNotificationKind<ForumNewPost>({
    kind: 'forums.new-post',
    event: z.object({ kind: z.literal('forums.new-post'), ...ids }),
    label: 'forums.notice.newPost.label',
    texts: () => ({
      line: 'forums.notice.newPost.line',
      mailSubject: 'forums.notice.newPost.subject',
      mailBody: 'forums.notice.newPost.body',
    }),
    path: (event) => postPath(event.postId),
    action: 'forums.notice.open',
    subject: { lookup: posts, id: (event) => event.postId },
    values: (t, _event, subject) => ({ title: subject.title ?? t.t('forums.notice.unavailable') }),
  }),
  defineNotificationKind<ForumDigest>({
    kind: 'forums.digest',
    event: z.object({
      kind: z.literal('forums.digest'),
      day: z.string().max(10),
      threadId: z.string().min(1).max(64),
      posts: z.number().int().min(0),
      threads: z.number().int().min(0),
    }),
    label: 'forums.notice.digest.label',
    texts: () => ({
      line: 'forums.notice.digest.line',
      mailSubject: 'forums.notice.digest.subject',
      mailBody: 'forums.notice.digest.body',
    }),
    path: (event) => threadPath(event.threadId),
    action: 'forums.notice.open',
    subject: { lookup: threads, id: (event) => event.threadId },
    values: (t, event, subject) => ({
      title: subject.title ?? t.t('forums.notice.unavailable'),
      posts: event.posts,
      threads: event.threads,
      day: event.day,
    }),
  }),
];
