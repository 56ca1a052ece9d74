import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { issuedCertificate } from '../../../../test/helpers/credential-factories.js';
import { DIALECTS } from '../../../../test/helpers/dialects.js';
import { createTestDeps, type TestDeps } from '../../../../test/helpers/test-deps.js';
import { findStatusList, updateStatusList } from '../credentials.repository.js';
import { verifySubmittedCredential } from '../verifying/verify-submitted-credential.js';
import { getBit, setBit } from './status-list.js';
import { cachedStatusList, STATUS_RECHECK_MS } from './status-list-cache.js';
import { placeOf } from './status-list-store.js';

/**
 * The verifier's copy of the status lists (issue 16, "Performance"): changes made in this process are seen
 * at once (credentials.integration.test.ts: valid → suspended → revoked), a change made by another node
 * within STATUS_RECHECK_MS, and each database has its own copy.
 */
for (const dialect of DIALECTS) {
  describe(`${dialect}: the status lists' copy`, () => {
    let deps: TestDeps;
    beforeAll(async () => {
      deps = await createTestDeps(dialect);
    });
    afterAll(async () => deps?.close());
    afterEach(() => vi.restoreAllMocks());

    /** What another node does: the bit set in the row, with a new ETag, without this process knowing. */
    async function setBitElsewhere(purpose: 'revocation' | 'suspension', index: number, value: boolean) {
      const place = placeOf(index);
      const list = (await findStatusList(deps.db, purpose, place.listNumber))!;
      const bits = new Uint8Array(Buffer.from(list.bits_base64, 'base64'));
      setBit(bits, place.position, value);
      await updateStatusList(deps.db, list.id, {
        bits_base64: Buffer.from(bits).toString('base64'),
        etag: `"elsewhere-${purpose}-${value}-${Date.now()}"`,
      });
    }

    /** Stops the clock the copy is revalidated by (so a slow machine cannot revalidate early); `advance` moves it. */
    function frozenClock() {
      let at = performance.now();
      vi.spyOn(performance, 'now').mockImplementation(() => at);
      return { advance: (milliseconds: number) => (at += milliseconds) };
    }

    it("sees another node's revocation and suspension within STATUS_RECHECK_MS, for both forms", async () => {
      const { credential } = await issuedCertificate(deps);
      const json = JSON.parse(credential.credential_json);
      const clock = frozenClock();
      const status = async (input: unknown) =>
        (await verifySubmittedCredential(deps.db, deps, input)).checks.find((check) => check.id === 'status')
          ?.message;
      expect(await status(json)).toBe('ok');
      expect(await status(credential.jwt_eddsa)).toBe('ok');

      await setBitElsewhere('suspension', credential.status_index, true);
      // Not yet re-read: the copy answers (this is the bound the docs state).
      expect(await status(credential.jwt_eddsa)).toBe('ok');
      clock.advance(STATUS_RECHECK_MS + 1);
      expect(await status(credential.jwt_eddsa)).toBe('suspended');
      expect(await status(json)).toBe('suspended');

      await setBitElsewhere('suspension', credential.status_index, false);
      await setBitElsewhere('revocation', credential.status_index, true);
      clock.advance(STATUS_RECHECK_MS + 1);
      expect(await status(json)).toBe('revoked');
      expect(await status(credential.jwt_rs256)).toBe('revoked');
    });

    it('holds one copy per database, and reads a list created after a miss', async () => {
      const other = await createTestDeps(dialect);
      try {
        const { credential } = await issuedCertificate(deps);
        const url = JSON.parse(credential.credential_json).credentialStatus.statusListCredential as string;
        const ours = await cachedStatusList(deps.db, deps, { url });
        expect(ours?.purpose).toBe('revocation');
        expect(getBit(ours!.bits, placeOf(credential.status_index).position)).toBe(false);
        // The other database has no list yet: no answer borrowed from ours.
        expect(await cachedStatusList(other.db, other, { url })).toBeUndefined();
        await issuedCertificate(other);
        expect((await cachedStatusList(other.db, other, { url }))?.url).toBe(url);
      } finally {
        await other.close();
      }
    });
  });
}
