import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/i18n.js';
import type { AuditEvent } from '../kernel/audit.js';
import { auditActor, auditSentence } from './audit-trail.js';

const fr = translator('fr');
const es = translator('es');
const PERSON = '01a24be3-262d-7259-9e53-22c5df89f7d7';
const EDITION = '01a24be3-262d-7259-9e53-22c5df89f7d8';

const event = (action: string, payload: { before?: unknown; after?: unknown }, known = true): AuditEvent => ({
  id: 'e',
  occurredAt: '2026-11-28T10:00:00.000Z',
  actorId: PERSON,
  actorLabel: `user:${PERSON}`,
  action,
  targetType: 'user',
  targetId: PERSON,
  before: payload.before ?? null,
  after: payload.after ?? null,
  known,
});

describe('audit events in the reader’s words', () => {
  it('names people and editions, and says a missing name without an id', () => {
    const declined = event('place.declined', {
      before: { editionId: EDITION, status: 'requested' },
      after: { status: 'declined', reason: null },
    });
    expect(auditSentence(fr, declined, { [EDITION]: 'Académie (7 sept. 2026)' })).toBe(
      'A refusé la place dans Académie (7 sept. 2026)',
    );
    expect(auditSentence(fr, declined, {})).toBe(`A refusé la place dans ${fr.t('auditLog.someEdition')}`);
    expect(auditActor(fr, declined, { [PERSON]: 'Amina Diallo' })).toBe('Amina Diallo');
    expect(auditActor(fr, declined, {})).toBe(fr.t('auditLog.formerAccount'));
  });

  it('translates coded values and dates, and lists roles by their names', () => {
    expect(
      auditSentence(
        es,
        event('credential.component-revoked', {
          after: { componentId: 'c', componentShortCode: 'ABC-123', outcome: 'still-holds', awardable: true },
        }),
        {},
      ),
    ).toBe(
      `Se revocó un certificado contado por este diploma (ABC-123): ${es.t('auditLog.cascade.still-holds')}`,
    );
    expect(
      auditSentence(
        fr,
        event('rule-version.created', { after: { version: 2, effectiveFrom: '2027-01-01', rules: {} } }),
        {},
      ),
    ).toBe(`A enregistré la version 2 des règles, en vigueur à partir du ${fr.date('2027-01-01')}`);
    expect(auditSentence(fr, event('user.roles-changed', { before: [], after: ['manager'] }), {})).toBe(
      fr.t('auditLog.event.user.roles-changed', {
        before: fr.t('auditLog.none'),
        after: fr.t('role.manager'),
      }),
    );
  });

  it('shows a legacy row generically, never failing, and the platform by name', () => {
    const legacy = event('user.teleported', { after: { to: 'Mars' } }, false);
    expect(auditSentence(fr, legacy, {})).toBe(fr.t('auditLog.legacy', { action: 'user.teleported' }));
    expect(auditActor(fr, { ...legacy, actorId: null, actorLabel: 'system:seed' }, {})).toBe(
      fr.t('auditLog.system'),
    );
    expect(auditActor(fr, { ...legacy, actorId: null, actorLabel: 'anonymous' }, {})).toBe(
      fr.t('auditLog.anonymous'),
    );
  });
});
