import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BbbError, bbbClient } from './bbb-client.js';
import { type FakeBbbServer, startFakeBbbServer } from './fake-bbb-server.js';

describe('the BigBlueButton client against the fake server', () => {
  let server: FakeBbbServer;
  beforeAll(async () => {
    server = await startFakeBbbServer({ secret: 'client-test-secret' });
  });
  afterAll(() => server.close());

  for (const hash of ['sha1', 'sha256'] as const)
    it(`creates, joins, sees who is in and lists recordings (${hash} checksums)`, async () => {
      const bbb = bbbClient({ url: server.url, secret: server.secret, hash });
      const meetingId = `m-${hash}`;
      await bbb.create({ meetingId, name: 'Opening', record: true });
      await bbb.create({ meetingId, name: 'Opening', record: true }); // idempotent
      expect(await bbb.isMeetingRunning(meetingId)).toBe(false);
      expect(await bbb.getMeetingInfo(meetingId)).toBeNull();
      const url = bbb.joinUrl({ meetingId, fullName: 'Ana Pérez', userId: 'person-1', moderator: false });
      expect((await fetch(url)).status).toBe(200);
      expect(await bbb.isMeetingRunning(meetingId)).toBe(true);
      expect(await bbb.getMeetingInfo(meetingId)).toEqual({
        running: true,
        attendees: [{ userId: 'person-1', fullName: 'Ana Pérez', role: 'VIEWER' }],
      });
      server.addRecording(meetingId, 'https://bbb.example.org/playback/presentation/2.3/abc');
      expect((await bbb.getRecordings(meetingId)).map((r) => r.url)).toEqual([
        'https://bbb.example.org/playback/presentation/2.3/abc',
      ]);
    });

  it('fails with a BbbError on a wrong secret, and when the server cannot be reached', async () => {
    const wrong = bbbClient({ url: server.url, secret: 'not-the-secret' });
    await expect(wrong.create({ meetingId: 'x', name: 'x', record: false })).rejects.toBeInstanceOf(BbbError);
    expect(server.meetings.has('x')).toBe(false);
    const gone = bbbClient({ url: 'http://127.0.0.1:9/bigbluebutton/', secret: 's', timeoutMs: 2000 });
    await expect(gone.isMeetingRunning('x')).rejects.toBeInstanceOf(BbbError);
  });
});
