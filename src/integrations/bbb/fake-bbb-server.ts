/**
 * A small fake BigBlueButton server: a real HTTP server on 127.0.0.1 that checks every call's checksum
 * (SHA-1 or SHA-256) and answers XML the way BBB's API does, for create, join, isMeetingRunning,
 * getMeetingInfo, getRecordings and end. Tests run the real client against it; `npm run fake-bbb` runs one
 * for local demos (docs/webinars.md). Meetings live in memory.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isValidBbbChecksum, queryWithoutChecksum } from './bbb-checksum.js';

interface FakeMeeting {
  meetingId: string;
  name: string;
  running: boolean;
  attendees: { userId: string; fullName: string; role: string }[];
  recordings: { recordId: string; url: string; startTime: number }[];
}

export interface FakeBbbServer {
  /** The API base to configure as BBB_URL (`http://127.0.0.1:PORT/bigbluebutton/`). */
  url: string;
  secret: string;
  meetings: Map<string, FakeMeeting>;
  /** Every call received, in order (`create`, `join` …), including refused ones. */
  calls: string[];
  /** Puts a person into a meeting as if they had joined. */
  addAttendee(meetingId: string, attendee: { userId: string; fullName: string; role?: string }): void;
  /** Adds a published recording to a meeting (made if absent). */
  addRecording(meetingId: string, url: string): void;
  close(): Promise<void>;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function xml(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<response>${body}</response>`;
}

const ok = (inner = '') => xml(`<returncode>SUCCESS</returncode>${inner}`);
const failed = (key: string, message: string) =>
  xml(
    `<returncode>FAILED</returncode><messageKey>${key}</messageKey><message>${escapeXml(message)}</message>`,
  );

/** Starts a fake BBB server on a free port of 127.0.0.1 (or `port`). */
export async function startFakeBbbServer(
  options: { secret?: string; port?: number } = {},
): Promise<FakeBbbServer> {
  const secret = options.secret ?? 'fake-bbb-shared-secret';
  const meetings = new Map<string, FakeMeeting>();
  const calls: string[] = [];
  const meeting = (id: string): FakeMeeting => {
    let found = meetings.get(id);
    if (!found) {
      found = { meetingId: id, name: id, running: false, attendees: [], recordings: [] };
      meetings.set(id, found);
    }
    return found;
  };

  const answer = (request: IncomingMessage, response: ServerResponse) => {
    const [path = '', rawQuery = ''] = (request.url ?? '').split('?', 2);
    const match = /^\/bigbluebutton\/api\/([A-Za-z]*)$/.exec(path);
    const send = (status: number, body: string, type = 'text/xml; charset=utf-8') => {
      response.writeHead(status, { 'content-type': type });
      response.end(body);
    };
    if (!match) return send(404, failed('notFound', 'No such path'));
    const name = match[1] ?? '';
    calls.push(name);
    if (name === '') return send(200, ok('<version>2.0</version><apiVersion>2.0</apiVersion>'));
    const { query, checksum } = queryWithoutChecksum(rawQuery);
    if (!checksum || !isValidBbbChecksum(name, query, secret, checksum))
      return send(200, failed('checksumError', 'Checksums do not match'));
    const params = new URLSearchParams(query);
    const meetingId = params.get('meetingID') ?? '';
    if (!meetingId) return send(200, failed('missingParamMeetingID', 'You must specify a meeting ID'));
    const existing = meetings.get(meetingId);
    switch (name) {
      case 'create': {
        const m = meeting(meetingId);
        m.name = params.get('name') ?? meetingId;
        const duplicate = existing ? '<messageKey>duplicateWarning</messageKey>' : '';
        return send(
          200,
          ok(
            `<meetingID>${escapeXml(meetingId)}</meetingID><createTime>${Date.now()}</createTime>${duplicate}`,
          ),
        );
      }
      case 'join': {
        if (!existing) return send(200, failed('invalidMeetingIdentifier', 'The meeting ID does not exist'));
        existing.running = true;
        const userId = params.get('userID') ?? '';
        if (!existing.attendees.some((a) => a.userId === userId))
          existing.attendees.push({
            userId,
            fullName: params.get('fullName') ?? '',
            role: params.get('role') ?? 'VIEWER',
          });
        return send(
          200,
          `<!doctype html><html lang="en"><title>Fake BigBlueButton</title><h1>${escapeXml(existing.name)}</h1><p>${escapeXml(params.get('fullName') ?? '')} joined.</p></html>`,
          'text/html; charset=utf-8',
        );
      }
      case 'isMeetingRunning':
        return send(200, ok(`<running>${existing?.running ? 'true' : 'false'}</running>`));
      case 'getMeetingInfo': {
        if (!existing?.running)
          return send(200, failed('notFound', 'We could not find a meeting with that ID'));
        const attendees = existing.attendees
          .map(
            (a) =>
              `<attendee><userID>${escapeXml(a.userId)}</userID><fullName>${escapeXml(a.fullName)}</fullName><role>${escapeXml(a.role)}</role></attendee>`,
          )
          .join('');
        return send(
          200,
          ok(
            `<meetingName>${escapeXml(existing.name)}</meetingName><meetingID>${escapeXml(meetingId)}</meetingID><running>true</running><participantCount>${existing.attendees.length}</participantCount><attendees>${attendees}</attendees>`,
          ),
        );
      }
      case 'getRecordings': {
        const recordings = (existing?.recordings ?? [])
          .map(
            (r) =>
              `<recording><recordID>${escapeXml(r.recordId)}</recordID><meetingID>${escapeXml(meetingId)}</meetingID><published>true</published><startTime>${r.startTime}</startTime><playback><format><type>presentation</type><url>${escapeXml(r.url)}</url></format></playback></recording>`,
          )
          .join('');
        return send(200, ok(`<recordings>${recordings}</recordings>`));
      }
      case 'end': {
        if (!existing) return send(200, failed('notFound', 'We could not find a meeting with that ID'));
        existing.running = false;
        existing.attendees = [];
        return send(200, ok('<messageKey>sentEndMeetingRequest</messageKey>'));
      }
      default:
        return send(200, failed('unsupportedRequest', 'This request is not supported'));
    }
  };

  const server = createServer(answer);
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/bigbluebutton/`,
    secret,
    meetings,
    calls,
    addAttendee(meetingId, attendee) {
      const m = meeting(meetingId);
      m.running = true;
      m.attendees.push({ role: 'VIEWER', ...attendee });
    },
    addRecording(meetingId, url) {
      const m = meeting(meetingId);
      m.recordings.push({ recordId: `${meetingId}-${m.recordings.length + 1}`, url, startTime: Date.now() });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
