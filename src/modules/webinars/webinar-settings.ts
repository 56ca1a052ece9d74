/** The webinar item's settings as the builder sends them, checked and turned into UTC instants. */
import { z } from 'zod';
import { isTimeZone } from '../../i18n/time-zones.js';
import { instantOf, MAX_SESSION_HOURS, PROVIDERS, type WebinarSettings } from './webinar.js';

const moment = z.string().trim().min(1, 'validation.required').max(40, 'validation.tooLong');

export const webinarSettingsSchema: z.ZodType<WebinarSettings> = z
  .object({
    startsAt: moment,
    endsAt: moment,
    timeZone: z
      .string()
      .optional()
      .transform((v) => (v && isTimeZone(v) ? v : 'UTC')),
    provider: z.enum(PROVIDERS, 'validation.invalidChoice'),
    url: z.string().trim().max(2000, 'validation.tooLong').optional().default(''),
  })
  .transform((v, ctx): WebinarSettings => {
    const startsAt = instantOf(v.startsAt, v.timeZone);
    const endsAt = instantOf(v.endsAt, v.timeZone);
    if (!startsAt)
      ctx.addIssue({ code: 'custom', path: ['startsAt'], message: 'spaces.error.invalidMoment' });
    if (!endsAt) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'spaces.error.invalidMoment' });
    if (startsAt && endsAt) {
      const length = Date.parse(endsAt) - Date.parse(startsAt);
      if (length <= 0)
        ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'webinars.error.endBeforeStart' });
      else if (length > MAX_SESSION_HOURS * 3_600_000)
        ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'webinars.error.tooLong' });
    }
    let url = '';
    if (v.provider === 'external') {
      let valid = false;
      try {
        valid = new URL(v.url).protocol === 'https:';
      } catch {
        valid = false;
      }
      if (!valid) ctx.addIssue({ code: 'custom', path: ['url'], message: 'webinars.error.httpsLink' });
      url = v.url;
    }
    return {
      startsAt: startsAt ?? '',
      endsAt: endsAt ?? '',
      timeZone: v.timeZone,
      provider: v.provider,
      url,
    };
  });

/** A stored item's settings read back (null when damaged: the item then shows nothing to join). */
export function readWebinarSettings(settings: unknown): WebinarSettings | null {
  // A kept space's settings are frozen (space-structure.ts): read once per object, the same on every page.
  if (!settings || typeof settings !== 'object' || !Object.isFrozen(settings)) return readAfresh(settings);
  let read = readFrozen.get(settings);
  if (read === undefined) {
    read = readAfresh(settings);
    readFrozen.set(settings, read);
  }
  return read;
}

/** What `readWebinarSettings` made of each frozen settings object (they cannot change). */
const readFrozen = new WeakMap<object, WebinarSettings | null>();

function readAfresh(settings: unknown): WebinarSettings | null {
  const s = settings as Partial<WebinarSettings> | null;
  if (!s || typeof s.startsAt !== 'string' || typeof s.endsAt !== 'string') return null;
  if (Number.isNaN(Date.parse(s.startsAt)) || Number.isNaN(Date.parse(s.endsAt))) return null;
  const provider = s.provider === 'external' ? 'external' : 'bbb';
  return Object.freeze({
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    timeZone: typeof s.timeZone === 'string' && isTimeZone(s.timeZone) ? s.timeZone : 'UTC',
    provider,
    url: provider === 'external' && typeof s.url === 'string' ? s.url : '',
  });
}
