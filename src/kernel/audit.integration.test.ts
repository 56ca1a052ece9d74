import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/dialects.js';
import { createTestDeps, type TestDeps } from '../../test/helpers/test-deps.js';
import { LOCALES, MESSAGES } from '../i18n/i18n.js';
import { MODULES } from '../modules/index.js';
import { type Actor, systemActor } from './actor.js';
import { type AuditEventInput, audit, auditSchema, listAuditEvents } from './audit.js';
import { newId } from './ids.js';

const manager: Actor = { kind: 'user', id: newId(), roles: ['manager'], via: 'session' };

describe('audit actions (types)', () => {
  it('refuses an action no module declares, and a payload of the wrong shape, at compile time', () => {
    const check = (_event: AuditEventInput) => true;
    // @ts-expect-error: no module declares this action.
    check({ action: 'course.deleted-forever', targetType: 'course', targetId: 'c' });
    // @ts-expect-error: 'user.email-changed' needs the addresses before and after.
    check({ action: 'user.email-changed', targetType: 'user', targetId: 'u', after: { email: 3 } });
    expect(
      check({
        action: 'course.retired',
        targetType: 'course',
        targetId: 'c',
        before: { status: 'active' },
        after: { status: 'retired' },
      }),
    ).toBe(true);
  });

  it('every module declares its actions in its descriptor, each action once, each with a sentence in every language', () => {
    const seen = new Set<string>();
    for (const module of MODULES) {
      for (const [action, schema] of Object.entries(module.auditEvents ?? {})) {
        expect(seen.has(action), action).toBe(false);
        seen.add(action);
        expect(auditSchema(action)).toBe(schema);
        for (const locale of LOCALES) {
          expect(
            MESSAGES[locale][`auditLog.event.${action}`],
            `${locale}: the sentence of ${action}`,
          ).toBeDefined();
        }
      }
    }
    expect(seen.size).toBeGreaterThan(60);
  });
});

for (const dialect of DIALECTS) {
  describe(`${dialect}: audit events`, () => {
    let deps: TestDeps;
    beforeEach(async () => {
      deps = await createTestDeps(dialect);
    });
    afterEach(async () => deps.close());

    it('records a declared action and reads it back as known', async () => {
      await audit(deps.db, deps.clock, manager, {
        action: 'course.retired',
        targetType: 'course',
        targetId: 'c1',
        before: { status: 'active' },
        after: { status: 'retired' },
      });
      const [event] = await listAuditEvents(deps.db, 'course', 'c1');
      expect(event).toMatchObject({
        action: 'course.retired',
        actorId: manager.kind === 'user' ? manager.id : null,
        before: { status: 'active' },
        after: { status: 'retired' },
        known: true,
      });
    });

    it('throws on a payload that does not match its schema, or an undeclared action, and writes nothing', async () => {
      const wrong = {
        action: 'user.email-changed',
        targetType: 'user',
        targetId: 'u1',
        before: { email: 'a@example.org' },
        after: { email: 42 },
      } as unknown as AuditEventInput;
      await expect(audit(deps.db, deps.clock, systemActor('test'), wrong)).rejects.toThrow(
        /user\.email-changed.*schema/,
      );
      const undeclared = {
        action: 'user.vanished',
        targetType: 'user',
        targetId: 'u1',
      } as unknown as AuditEventInput;
      await expect(audit(deps.db, deps.clock, systemActor('test'), undeclared)).rejects.toThrow(
        /not declared/,
      );
      expect(await listAuditEvents(deps.db, 'user', 'u1')).toEqual([]);
    });

    it('reads legacy rows (unknown action, old payload, broken JSON) without failing, marked unknown', async () => {
      const row = {
        occurred_at: '2025-01-01T00:00:00.000Z',
        actor_id: null,
        actor_label: 'system:legacy',
        target_type: 'user',
        target_id: 'u2',
      };
      await deps.db
        .insertInto('audit_events')
        .values([
          { ...row, id: newId(), action: 'user.teleported', before_json: null, after_json: '{"to":"Mars"}' },
          { ...row, id: newId(), action: 'user.email-changed', before_json: null, after_json: '{"mail":1}' },
          { ...row, id: newId(), action: 'user.roles-changed', before_json: '[', after_json: null },
        ])
        .execute();
      const events = await listAuditEvents(deps.db, 'user', 'u2');
      expect(events).toHaveLength(3);
      expect(events.every((e) => e.known === false)).toBe(true);
    });
  });
}
