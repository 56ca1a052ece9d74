import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { Locale } from '../../i18n/i18n.js';
import { pickLocalized } from '../../i18n/localized.js';
import type { Actor } from '../../kernel/actor.js';
import { ensure } from '../../kernel/policy.js';
import { activePeopleWithRole, personNames } from '../identity/identity.queries.js';
import { rubricChoices } from '../marking/marking.queries.js';
import { allProgrammes } from '../programmes/programmes.queries.js';
import { type CapstoneSettings, capstoneSettings } from './capstone-settings.js';
import { canCapstone } from './capstones.policy.js';
import { listSupervisors, supervisorLoads } from './capstones.repository.js';

export interface CapstoneAdmin {
  supervisors: { id: string; name: string; load: number; max: number }[];
  /** Facilitators and assessors who may be put on the list. */
  candidates: { id: string; name: string }[];
  programmes: { id: string; title: string; settings: CapstoneSettings }[];
  rubrics: { id: string; title: string }[];
}

/** The committee's settings page: supervisors with their load and limit, each programme's assessment. */
export async function getCapstoneAdmin(
  db: Executor,
  _deps: Services,
  actor: Actor,
  locale: Locale,
): Promise<CapstoneAdmin> {
  ensure(actor, canCapstone(actor, 'capstones.manage'));
  const rows = await listSupervisors(db);
  const loads = await supervisorLoads(db);
  const names = await personNames(
    db,
    rows.map((r) => r.person_id),
  );
  const people = [
    ...(await activePeopleWithRole(db, 'facilitator')),
    ...(await activePeopleWithRole(db, 'assessor')),
  ];
  const programmes = [];
  for (const p of await allProgrammes(db))
    programmes.push({
      id: p.id,
      title: pickLocalized(p.title, locale).text,
      settings: await capstoneSettings(db, p.id),
    });
  return {
    supervisors: rows.map((r) => ({
      id: r.person_id,
      name: names.get(r.person_id) ?? r.person_id,
      load: loads.get(r.person_id) ?? 0,
      max: r.max_load,
    })),
    candidates: [...new Map(people.map((p) => [p.id, { id: p.id, name: p.fullName }])).values()],
    programmes,
    rubrics: await rubricChoices(db),
  };
}
