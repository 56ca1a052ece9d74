import { z } from 'zod';
import type { Executor } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import { TEACHING_LANGUAGES } from '../../../i18n/languages.js';
import type { Actor } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import { parseInput } from '../../../kernel/validation.js';
import { bankOwner } from '../rubrics/save-bank-comment.js';
import { markerLanguages, replaceMarkerLanguages } from './marking-languages.repository.js';

export const markerLanguagesSchema = z.object({
  languages: z.preprocess(
    (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.enum(TEACHING_LANGUAGES, 'validation.invalidChoice')).max(TEACHING_LANGUAGES.length),
  ),
});

/** The languages the actor (a marker) marks in, as they declared them. */
export async function getMarkerLanguages(db: Executor, actor: Actor): Promise<string[]> {
  const markerId = bankOwner(actor);
  return (await markerLanguages(db, [markerId])).get(markerId) ?? [];
}

/**
 * A marker declares the languages they mark in (replacing what they said before; none: they take no
 * submission in allocation by language). Audited.
 */
export async function saveMarkerLanguages(
  db: Executor,
  deps: Pick<Services, 'clock'>,
  actor: Actor,
  input: unknown,
): Promise<string[]> {
  const markerId = bankOwner(actor);
  const languages = [...new Set(parseInput(markerLanguagesSchema, input).languages)].sort();
  await inTransaction(db, async (trx) => {
    await replaceMarkerLanguages(trx, markerId, languages, deps.clock.now().toISOString());
    await audit(trx, deps.clock, actor, {
      action: 'marking.languages-declared',
      targetType: 'user',
      targetId: markerId,
      after: { languages },
    });
  });
  return languages;
}
