/**
 * A small module used by tests to show (and prove) that adding a module is a folder plus one line: it
 * brings a table and its migration, a use case, a web page, an API route, a job, a notification kind, a
 * navigation entry, a CLI command and its route access — and nothing outside this folder changes. It is
 * not in the product's module list: tests add it to theirs.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { defineJob } from '../../src/jobs/job.js';
import type { Module } from '../../src/modules/module.js';
import {
  defineNotificationKind,
  type SubjectLookup,
} from '../../src/modules/notifications/notification-kind.js';
import { addNote, EXAMPLE_JOB } from './add-note.js';
import { exampleAuditEvents } from './example.audit.js';
import { listNotesWithAuthors } from './example.repository.js';
import * as notes from './migrations/2026-12-06T0900-example-notes.js';

/** Jobs run, by note id (the test reads it). */
export const countedNotes: string[] = [];

const noteTitles: SubjectLookup = {
  async load(_db, ids) {
    return new Map(ids.map((id) => [id, { title: { en: `Note ${id.slice(-4)}` } }]));
  },
};

export const exampleModule: Module = {
  name: 'example',
  auditEvents: exampleAuditEvents,
  migrations: { '2026-12-06T0900-example-notes': notes },
  tables: ['example_notes'],
  webRoutes(app: FastifyInstance, deps) {
    app.get('/example/notes', { schema: { hide: true } }, async () => listNotesWithAuthors(deps.db));
  },
  apiRoutes(api: FastifyInstance, deps) {
    api.post('/example/notes', async (request, reply) =>
      reply.status(201).send(await addNote(deps.db, deps, request.actor, request.body)),
    );
  },
  jobs: [
    defineJob(EXAMPLE_JOB, z.object({ noteId: z.string() }), async (_context, payload) => {
      countedNotes.push(payload.noteId);
      return { counted: countedNotes.length };
    }),
  ],
  notificationKinds: [
    defineNotificationKind<{ kind: 'example.note-added'; noteId: string }>({
      kind: 'example.note-added',
      event: z.object({ kind: z.literal('example.note-added'), noteId: z.string() }),
      // Reuses existing messages: a real module brings its own catalogue area (src/i18n/locales/<area>/).
      label: 'notifications.kind.placeConfirmed',
      texts: () => ({
        line: 'notifications.text.editionStartsSoon',
        mailSubject: 'notifications.mail.editionStartsSoon.subject',
        mailBody: 'notifications.mail.editionStartsSoon.body',
      }),
      path: (event) => `/example/notes#${event.noteId}`,
      action: 'notifications.mail.action.edition',
      subject: { lookup: noteTitles, id: (event) => event.noteId },
      values: (_t, _event, subject) => ({ course: subject.title ?? '?', date: '' }),
    }),
  ],
  navigation: [{ href: '/example/notes', label: 'nav.catalogue', shownTo: ['facilitator'], order: 99 }],
  cli: [
    {
      name: 'example hello',
      usage: '  diploma example hello       says hello (the example module)',
      needsDatabase: false,
      async run() {
        return 0;
      },
    },
  ],
  routeAccess: {
    'GET /example/notes': ['facilitator', 'manager'],
    'POST /api/v1/example/notes': ['facilitator'],
  },
};
