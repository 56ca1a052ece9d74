/** The debate item's settings as the builder sends them (a motion, positions one per line, three deadlines). */
import { z } from 'zod';
import { isTimeZone } from '../../../i18n/time-zones.js';
import { fromLocalInput } from '../../spaces/spaces.js';
import {
  type DebateSettings,
  MAX_POSITIONS,
  MOTION_MAX,
  POSITION_MAX,
  ROUND_KINDS,
  TEAM_MODES,
} from './debate.js';

const moment = z.string().trim().min(1, 'validation.required').max(40, 'validation.tooLong');

/** Pure: an instant typed as local time in `zone`, or an ISO instant. */
function instantOf(value: string, zone: string): string | null {
  if (/[zZ]|[+-]\d{2}:\d{2}$/.test(value)) {
    const parsed = Date.parse(value);
    return Number.isNaN(parsed) ? null : new Date(parsed).toISOString();
  }
  return fromLocalInput(value, zone);
}

export const debateSettingsSchema: z.ZodType<DebateSettings> = z
  .object({
    motion: z.string().trim().min(1, 'validation.required').max(MOTION_MAX, 'validation.tooLong'),
    positions: z.union([z.string(), z.array(z.object({ id: z.string(), label: z.string() }))]),
    opening: moment.optional(),
    rebuttal: moment.optional(),
    closing: moment.optional(),
    rounds: z.array(z.object({ id: z.enum(ROUND_KINDS), deadline: z.string() })).optional(),
    timeZone: z.string().optional(),
    teamMode: z.enum(TEAM_MODES, 'validation.invalidChoice').default('assigned'),
    teamCap: z.union([z.string(), z.number(), z.null()]).optional(),
  })
  .transform((v, ctx): DebateSettings => {
    const zone = v.timeZone && isTimeZone(v.timeZone) ? v.timeZone : 'UTC';
    const labels =
      typeof v.positions === 'string'
        ? v.positions
            .split(/\r?\n/)
            .map((l) => l.trim())
            .filter(Boolean)
        : v.positions.map((p) => p.label);
    if (labels.length < 2 || labels.length > MAX_POSITIONS || labels.some((l) => l.length > POSITION_MAX))
      ctx.addIssue({ code: 'custom', path: ['positions'], message: 'forums.debate.error.positions' });
    const rounds =
      v.rounds ?? ROUND_KINDS.map((id) => ({ id, deadline: instantOf(v[id] ?? '', zone) ?? '' }));
    rounds.forEach((r, i) => {
      if (!r.deadline || Number.isNaN(Date.parse(r.deadline)))
        ctx.addIssue({ code: 'custom', path: [r.id], message: 'spaces.error.invalidMoment' });
      else if (i > 0 && (rounds[i - 1]?.deadline ?? '') >= r.deadline)
        ctx.addIssue({ code: 'custom', path: [r.id], message: 'forums.debate.error.order' });
    });
    const cap = v.teamCap === null || v.teamCap === undefined || v.teamCap === '' ? null : Number(v.teamCap);
    if (cap !== null && (!Number.isInteger(cap) || cap < 1 || cap > 1000))
      ctx.addIssue({ code: 'custom', path: ['teamCap'], message: 'forums.debate.error.cap' });
    return {
      motion: v.motion,
      positions: labels.map((label, i) => ({ id: `p${i + 1}`, label })),
      rounds,
      teamMode: v.teamMode,
      teamCap: cap,
    };
  });

/** The stored settings read back (null when damaged). */
export function readDebateSettings(value: unknown): DebateSettings | null {
  const parsed = debateSettingsSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
