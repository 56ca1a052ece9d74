/**
 * The BigBlueButton API client (create, join, isMeetingRunning, getMeetingInfo, getRecordings): every call
 * signed with the shared secret's checksum, answers read from BBB's XML. Configured by BBB_URL and
 * BBB_SECRET (docs/webinars.md); tests run it against the fake server of fake-bbb-server.ts.
 */
import { XMLParser } from 'fast-xml-parser';
import { type BbbHash, bbbChecksum, bbbQuery } from './bbb-checksum.js';

export interface BbbSettings {
  /** The API base, e.g. `https://bbb.example.org/bigbluebutton/` (with or without `api/`). */
  url: string;
  secret: string;
  hash?: BbbHash;
  /** Milliseconds before a call is given up (default 5 s). */
  timeoutMs?: number;
}

/** A person in a running meeting (`userID` is the platform's person id, passed at join). */
export interface BbbAttendee {
  userId: string | null;
  fullName: string;
  role: string;
}

export interface BbbRecording {
  recordId: string;
  /** The playback page. */
  url: string;
  startTime: string | null;
}

/** BBB answered FAILED, or could not be reached. */
export class BbbError extends Error {
  constructor(
    readonly messageKey: string,
    message: string,
  ) {
    super(message);
    this.name = 'BbbError';
  }
}

const parser = new XMLParser({ processEntities: false, ignoreAttributes: true, parseTagValue: false });

function asArray<T>(value: T | T[] | undefined | ''): T[] {
  if (value === undefined || value === '') return [];
  return Array.isArray(value) ? value : [value];
}

/** The API base ending in `/api/`. */
export function apiBase(url: string): string {
  const base = url.endsWith('/') ? url : `${url}/`;
  return base.endsWith('/api/') ? base : `${base}api/`;
}

/** The signed URL of one call (what `join` hands to the browser). */
export function signedUrl(settings: BbbSettings, call: string, params: Record<string, string>): string {
  const query = bbbQuery(params);
  const checksum = bbbChecksum(call, query, settings.secret, settings.hash ?? 'sha256');
  return `${apiBase(settings.url)}${call}?${query}${query ? '&' : ''}checksum=${checksum}`;
}

type Xml = Record<string, unknown>;

async function call(settings: BbbSettings, name: string, params: Record<string, string>): Promise<Xml> {
  let text: string;
  try {
    const response = await fetch(signedUrl(settings, name, params), {
      signal: AbortSignal.timeout(settings.timeoutMs ?? 5000),
    });
    text = await response.text();
  } catch (error) {
    throw new BbbError('webinars.error.bbbUnreachable', `BBB ${name}: ${(error as Error).message}`);
  }
  const parsed = parser.parse(text) as { response?: Xml };
  const body = parsed.response;
  if (!body) throw new BbbError('webinars.error.bbbUnreachable', `BBB ${name}: not an API answer`);
  if (body.returncode !== 'SUCCESS') {
    if (body.messageKey === 'notFound') return { ...body, notFound: true };
    throw new BbbError('webinars.error.bbbFailed', `BBB ${name}: ${String(body.messageKey ?? 'FAILED')}`);
  }
  return body;
}

/** A BigBlueButton server as the webinars module uses it. */
export interface BbbClient {
  /** Creates the meeting (BBB answers with the existing one when it is already there: idempotent). */
  create(input: { meetingId: string; name: string; record: boolean }): Promise<void>;
  /** The URL that puts one person into the meeting (as moderator or viewer). */
  joinUrl(input: { meetingId: string; fullName: string; userId: string; moderator: boolean }): string;
  isMeetingRunning(meetingId: string): Promise<boolean>;
  /** The people in the meeting now (null when the meeting does not exist or has ended). */
  getMeetingInfo(meetingId: string): Promise<{ running: boolean; attendees: BbbAttendee[] } | null>;
  getRecordings(meetingId: string): Promise<BbbRecording[]>;
}

/** The client over BBB's HTTP API. */
export function bbbClient(settings: BbbSettings): BbbClient {
  return {
    async create({ meetingId, name, record }) {
      await call(settings, 'create', {
        meetingID: meetingId,
        name,
        record: String(record),
        autoStartRecording: 'false',
        allowStartStopRecording: String(record),
      });
    },
    joinUrl({ meetingId, fullName, userId, moderator }) {
      return signedUrl(settings, 'join', {
        meetingID: meetingId,
        fullName,
        userID: userId,
        role: moderator ? 'MODERATOR' : 'VIEWER',
        redirect: 'true',
      });
    },
    async isMeetingRunning(meetingId) {
      const body = await call(settings, 'isMeetingRunning', { meetingID: meetingId });
      return body.running === 'true';
    },
    async getMeetingInfo(meetingId) {
      const body = await call(settings, 'getMeetingInfo', { meetingID: meetingId });
      if (body.notFound) return null;
      const attendees = asArray((body.attendees as { attendee?: Xml | Xml[] } | '' | undefined) || undefined);
      const list = attendees.flatMap((a) => asArray(a.attendee));
      return {
        running: body.running === 'true',
        attendees: list.map((a) => ({
          userId: typeof a.userID === 'string' && a.userID !== '' ? a.userID : null,
          fullName: String(a.fullName ?? ''),
          role: String(a.role ?? 'VIEWER'),
        })),
      };
    },
    async getRecordings(meetingId) {
      const body = await call(settings, 'getRecordings', { meetingID: meetingId });
      const holder = asArray((body.recordings as { recording?: Xml | Xml[] } | '' | undefined) || undefined);
      return holder
        .flatMap((r) => asArray(r.recording))
        .map((r) => {
          const playback = r.playback as { format?: Xml | Xml[] } | undefined;
          const format = asArray(playback?.format)[0];
          return {
            recordId: String(r.recordID ?? ''),
            url: String(format?.url ?? ''),
            startTime: r.startTime ? new Date(Number(r.startTime)).toISOString() : null,
          };
        })
        .filter((r) => r.url.startsWith('https://') || r.url.startsWith('http://'));
    },
  };
}
