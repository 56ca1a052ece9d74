/**
 * Points of the ADL LRS conformance suite's third pass (docs/spaces.md § ADL conformance suite run):
 * the Content-Type of the LRS's JSON answers, attachments (Data 2.4.11, Communication 1.5) and signed
 * statements (Data 2.6).
 */
import { createHash, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/helpers/dialects.js';
import { useLrsUnderTest } from '../../../test/helpers/xapi-client.js';

const statement = () => ({
  id: randomUUID(),
  actor: { objectType: 'Agent', mbox: 'mailto:content-type@example.org' },
  verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' },
  object: { objectType: 'Activity', id: 'http://example.org/activities/content-type' },
});

for (const dialect of DIALECTS) {
  describe(`${dialect}: LRS conformance points (content types, attachments)`, () => {
    const lrs = useLrsUnderTest(dialect, 'conformance-content');
    const { xapi } = lrs;

    it('answers its own JSON as exactly application/json (no charset parameter); a document keeps its stored type', async () => {
      const s = statement();
      const posted = await xapi('POST', '/xapi/statements', [s]);
      expect(posted.headers['content-type']).toBe('application/json');
      for (const url of [
        `/xapi/statements?statementId=${s.id}`,
        '/xapi/statements?attachments=false&limit=1',
        `/xapi/activities?activityId=${encodeURIComponent(s.object.id)}`,
        `/xapi/agents?agent=${encodeURIComponent(JSON.stringify(s.actor))}`,
        `/xapi/statements?statementId=${randomUUID()}`,
      ])
        expect((await xapi('GET', url)).headers['content-type'], url).toBe('application/json');
      expect((await lrs.app.inject({ method: 'GET', url: '/xapi/about' })).headers['content-type']).toBe(
        'application/json',
      );
      const state = `/xapi/activities/state?activityId=${encodeURIComponent(s.object.id)}&agent=${encodeURIComponent(JSON.stringify(s.actor))}`;
      expect((await xapi('PUT', `${state}&stateId=a`, { a: 1 })).statusCode).toBe(204);
      expect((await xapi('GET', state)).headers['content-type']).toBe('application/json');
      const typed = { 'content-type': 'application/json; charset=utf-8' };
      expect((await xapi('PUT', `${state}&stateId=b`, '{"b":2}', typed)).statusCode).toBe(204);
      expect((await xapi('GET', `${state}&stateId=b`)).headers['content-type']).toBe(
        'application/json; charset=utf-8',
      );
    });
    it('reads a multipart/mixed body whose lines end in a bare LF (as the ADL suite writes them), and still refuses a bad part for its own fault', async () => {
      const text = 'here is a simple attachment';
      const sha2 = createHash('sha256').update(text).digest('hex');
      const s = {
        ...statement(),
        attachments: [
          {
            usageType: 'http://example.com/attachment-usage/test',
            display: { 'en-US': 'A test attachment' },
            contentType: 'text/plain',
            length: text.length,
            sha2,
          },
        ],
      };
      const b = '-------314159265358979323846';
      const body = (hash: string, encoding = 'binary') =>
        `--${b}\nContent-Type: application/json\n\n${JSON.stringify({ ...s, id: randomUUID() })}\n--${b}\n` +
        `Content-Type: text/plain\nContent-Transfer-Encoding: ${encoding}\nX-Experience-API-Hash: ${hash}\n\n${text}\n--${b}--`;
      const post = (payload: string) =>
        xapi('POST', '/xapi/statements', payload, { 'content-type': `multipart/mixed; boundary=${b}` });
      const stored = await post(body(sha2));
      expect(stored.statusCode, stored.body).toBe(200);
      const [id] = stored.json() as string[];
      const back = await xapi('GET', `/xapi/statements?statementId=${id}&attachments=true`);
      expect(back.body).toContain(text);
      const wrongHash = await post(body('b'.repeat(64)));
      expect([wrongHash.statusCode, wrongHash.json().message]).toEqual([
        400,
        expect.stringMatching(/SHA-256/),
      ]);
      const base64 = await post(body(sha2, 'base64'));
      expect([base64.statusCode, base64.json().message]).toEqual([
        400,
        expect.stringMatching(/Content-Transfer-Encoding/),
      ]);
    });
    it('refuses an attachment whose contentType is not an Internet media type (XAPI-00105), takes one with parameters', async () => {
      const withType = (contentType: string) => ({
        ...statement(),
        attachments: [
          {
            usageType: 'http://example.com/attachment-usage/test',
            display: { 'en-US': 'A test attachment' },
            contentType,
            length: 27,
            sha2: createHash('sha256').update('here is a simple attachment').digest('hex'),
            fileUrl: 'http://over.there.com/file.txt',
          },
        ],
      });
      for (const bad of ['should fail', 'text/', 'text plain'])
        expect((await xapi('POST', '/xapi/statements', withType(bad))).statusCode, bad).toBe(400);
      for (const good of ['text/plain; charset=ascii', 'application/vnd.api+json', 'text/plain; name="a b"'])
        expect((await xapi('POST', '/xapi/statements', withType(good))).statusCode, good).toBe(200);
    });
    it('refuses a timestamp with a negative zero offset (-00, -0000, -00:00: XAPI-00123), takes +00:00 and Z', async () => {
      const at = (timestamp: string) => xapi('POST', '/xapi/statements', { ...statement(), timestamp });
      for (const bad of [
        '2008-09-15T15:53:00.601-00',
        '2008-09-15T15:53:00.601-0000',
        '2008-09-15T15:53:00.601-00:00',
      ])
        expect((await at(bad)).statusCode, bad).toBe(400);
      for (const good of [
        '2008-09-15T15:53:00.601+00:00',
        '2008-09-15T15:53:00.601Z',
        '2008-09-15T15:53:00.601-05:00',
      ])
        expect((await at(good)).statusCode, good).toBe(200);
    });
  });
}
