import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awardableCandidate, issuedCertificate } from '../../../../test/helpers/credential-factories.js';
import { DIALECTS } from '../../../../test/helpers/dialects.js';
import { buildPerson } from '../../../../test/helpers/factories.js';
import { actorOf } from '../../../../test/helpers/pathway-factories.js';
import { createTestDeps, type TestDeps } from '../../../../test/helpers/test-deps.js';
import { ANONYMOUS, systemActor } from '../../../kernel/actor.js';
import { getCandidateCredentials } from '../get-candidate-credentials.js';
import { getCredentialDownloads } from '../get-credential-downloads.js';
import { awardDiploma } from '../issuing/award-diploma.js';
import { getAutoAward } from '../issuing/get-auto-award.js';
import { setAutoAward } from '../issuing/set-auto-award.js';
import { listIssuerKeys } from '../keys/list-issuer-keys.js';
import { rotateIssuerKeys } from '../keys/rotate-issuer-keys.js';
import { revokeCredential } from '../status/revoke-credential.js';

/** The use cases behind the credentials pages, on both engines. */

const SYSTEM = systemActor('test');
const UNKNOWN_ID = '00000000-0000-7000-8000-000000000000';

for (const dialect of DIALECTS) {
  describe(`${dialect}: what the credentials pages read`, () => {
    let deps: TestDeps;
    beforeAll(async () => {
      deps = await createTestDeps(dialect);
    });
    afterAll(async () => deps?.close());

    it('offers a credential’s downloads to its holder and managers, to nobody else', async () => {
      const { credential, person } = await issuedCertificate(deps);
      const manager = await buildPerson(deps, { roles: ['manager'] });
      const stranger = await buildPerson(deps);
      const holderLinks = await getCredentialDownloads(deps.db, deps, actorOf(person), credential.id);
      expect(holderLinks).toEqual({
        json: `http://localhost:3000/credentials/${credential.id}.json`,
        jwtRs256: `http://localhost:3000/credentials/${credential.id}.jwt`,
        jwtEddsa: `http://localhost:3000/credentials/${credential.id}.jwt?alg=EdDSA`,
        clr: null,
        pdf: `http://localhost:3000/credentials/${credential.id}.pdf`,
      });
      expect(await getCredentialDownloads(deps.db, deps, actorOf(manager), credential.id)).toEqual(
        holderLinks,
      );
      expect(await getCredentialDownloads(deps.db, deps, actorOf(stranger), credential.id)).toBeNull();
      expect(await getCredentialDownloads(deps.db, deps, ANONYMOUS, credential.id)).toBeNull();
      expect(await getCredentialDownloads(deps.db, deps, actorOf(manager), UNKNOWN_ID)).toBeNull();
      expect(await getCredentialDownloads(deps.db, deps, actorOf(manager), 'not-an-id')).toBeNull();
    });

    it('gives managers a candidate’s credentials and live diploma, and others nothing', async () => {
      const { person, candidacyId } = await awardableCandidate(deps);
      const manager = actorOf(await buildPerson(deps, { roles: ['manager'] }));
      const before = await getCandidateCredentials(deps.db, deps, manager, {
        candidacyId,
        userId: person.id,
        awardable: true,
      });
      expect(before?.credentials).toHaveLength(4);
      expect(before?.diploma).toBeNull();
      // The award button: when the pathway awards the diploma and none is live.
      expect(before?.can).toEqual({ award: true });
      const notYet = await getCandidateCredentials(deps.db, deps, manager, {
        candidacyId,
        userId: person.id,
      });
      expect(notYet?.can).toEqual({ award: false });
      const { id } = await awardDiploma(deps.db, deps, SYSTEM, candidacyId);
      const after = await getCandidateCredentials(deps.db, deps, manager, {
        candidacyId,
        userId: person.id,
        awardable: true,
      });
      expect(after?.can).toEqual({ award: false });
      expect(after?.credentials[0]).toMatchObject({ id, kind: 'diploma', status: 'valid' });
      expect(after?.diploma).toMatchObject({ credentialId: id, status: 'active' });
      await revokeCredential(deps.db, deps, SYSTEM, after!.credentials[1]!.id, {
        reason: 'other',
        note: 'A test.',
      });
      const cascaded = await getCandidateCredentials(deps.db, deps, manager, {
        candidacyId,
        userId: person.id,
      });
      expect(cascaded?.diploma).toMatchObject({ credentialId: id, status: 'suspended' });
      for (const roles of [['participant'], ['administrator']] as const) {
        const other = actorOf(await buildPerson(deps, { roles: [...roles] }));
        expect(
          await getCandidateCredentials(deps.db, deps, other, { candidacyId, userId: person.id }),
        ).toBeNull();
      }
    });

    it('reads a programme’s automatic award (managers; 404 for an unknown programme)', async () => {
      const { programme } = await issuedCertificate(deps);
      const manager = actorOf(await buildPerson(deps, { roles: ['manager'] }));
      expect(await getAutoAward(deps.db, deps, manager, programme.slug)).toEqual({
        awardAutomatically: false,
      });
      await setAutoAward(deps.db, deps, manager, programme.slug, { awardAutomatically: true });
      expect(await getAutoAward(deps.db, deps, manager, programme.slug)).toEqual({
        awardAutomatically: true,
      });
      await expect(getAutoAward(deps.db, deps, manager, 'no-such-programme')).rejects.toMatchObject({
        code: 'not_found',
      });
      const participant = actorOf(await buildPerson(deps));
      await expect(getAutoAward(deps.db, deps, participant, programme.slug)).rejects.toMatchObject({
        code: 'forbidden',
      });
      await expect(getAutoAward(deps.db, deps, ANONYMOUS, programme.slug)).rejects.toMatchObject({
        code: 'unauthenticated',
      });
    });

    it('lists the issuer’s keys for administrators, public facts only, retired ones after a rotation', async () => {
      const admin = actorOf(await buildPerson(deps, { roles: ['administrator'] }));
      const { did, keys } = await listIssuerKeys(deps, admin);
      expect(did).toBe('did:web:localhost%3A3000');
      expect(keys.map((key) => [key.algorithm, key.status, key.source])).toEqual([
        ['Ed25519', 'active', 'file'],
        ['RS256', 'active', 'file'],
      ]);
      expect(keys[0]!.verificationMethod).toBe(`${did}#${keys[0]!.kid}`);
      expect(JSON.stringify(keys)).not.toMatch(/"(d|p|q|dp|dq|qi|publicJwk)"/);
      await rotateIssuerKeys(deps.db, deps, admin);
      const after = await listIssuerKeys(deps, admin);
      expect(after.keys.filter((key) => key.status === 'retired').map((key) => key.kid)).toEqual(
        keys.map((key) => key.kid),
      );
      const manager = actorOf(await buildPerson(deps, { roles: ['manager'] }));
      await expect(listIssuerKeys(deps, manager)).rejects.toMatchObject({ code: 'forbidden' });
    });
  });
}
