import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApplication } from '../../../test/helpers/application-factories.js';
import { DIALECTS } from '../../../test/helpers/dialects.js';
import { buildPerson } from '../../../test/helpers/factories.js';
import { createTestDeps, type TestDeps } from '../../../test/helpers/test-deps.js';
import { findPerson } from './identity.queries.js';
import { up } from './migrations/2026-12-06T1500-country-from-accepted-applications.js';

/** The repair of the people accepted before acceptance carried the application's country over. */
for (const dialect of DIALECTS) {
  describe(`${dialect}: country and constituency from accepted applications (migration)`, () => {
    let deps: TestDeps;
    beforeAll(async () => {
      deps = await createTestDeps(dialect);
    });
    afterAll(() => deps.close());

    /** A submitted application (Senegal, government), marked accepted as an old acceptance left it. */
    const acceptedLongAgo = async (profile: { country: string | null; constituency: string | null }) => {
      const { id, person } = await buildApplication(deps, { submit: true });
      await deps.db
        .updateTable('applications')
        .set({ status: 'accepted', decision: 'accept', decided_at: '2026-10-01T10:00:00.000Z' })
        .where('id', '=', id)
        .execute();
      await deps.db.updateTable('users').set(profile).where('id', '=', person.id).execute();
      return person;
    };

    it('fills the blank country and constituency of accepted applicants, and nothing else', async () => {
      const blank = await acceptedLongAgo({ country: null, constituency: null });
      const ownCountry = await acceptedLongAgo({ country: 'FR', constituency: null });
      const notAccepted = await buildApplication(deps, { submit: true });
      await deps.db
        .updateTable('users')
        .set({ country: null })
        .where('id', '=', notAccepted.person.id)
        .execute();
      const bystander = await buildPerson(deps);
      const before = await findPerson(deps.db, bystander.id);
      await up(deps.db);
      expect(await findPerson(deps.db, blank.id)).toMatchObject({
        country: 'SN',
        constituency: 'government',
      });
      expect(await findPerson(deps.db, ownCountry.id)).toMatchObject({
        country: 'FR',
        constituency: 'government',
      });
      expect((await findPerson(deps.db, notAccepted.person.id))?.country).toBeNull();
      expect(await findPerson(deps.db, bystander.id)).toEqual(before);
      // Running it again changes nothing.
      await up(deps.db);
      expect(await findPerson(deps.db, blank.id)).toMatchObject({
        country: 'SN',
        constituency: 'government',
      });
    });
  });
}
