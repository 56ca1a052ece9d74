/** The example module's audit actions (PERSISTED SHAPE: stored in the audit log). */
import { defineAuditEvents, NO_PAYLOAD } from '../../src/kernel/audit.js';

export const exampleAuditEvents = defineAuditEvents({
  'example.note-added': NO_PAYLOAD,
});

type ExampleAuditEvents = typeof exampleAuditEvents;
declare module '../../src/kernel/audit.js' {
  interface AuditEvents extends ExampleAuditEvents {}
}
