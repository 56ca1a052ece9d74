import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { Locale } from '../../i18n/i18n.js';
import { pickLocalized } from '../../i18n/localized.js';
import type { Actor } from '../../kernel/actor.js';
import { ensure } from '../../kernel/policy.js';
import { activePeopleWithRole, personNames } from '../identity/identity.queries.js';
import { examinersOfContext, rubricChoices } from '../marking/marking.queries.js';
import { allProgrammes } from '../programmes/programmes.queries.js';
import { type CapstoneSettings, capstoneSettings } from './capstone-settings.js';
import { canCapstone } from './capstones.policy.js';
import { listCommittee, listSupervisors, supervisorLoads } from './capstones.repository.js';

export interface CapstoneAdmin {
  supervisors: { id: string; name: string; load: number; max: number }[];
  /** Facilitators and assessors who may be put on the list. */
  candidates: { id: string; name: string }[];
  /** Managers who may be named to a committee. */
  managers: { id: string; name: string }[];
  /** Assessors who may be appointed external examiners. */
  assessors: { id: string; name: string }[];
  programmes: {
    id: string;
    title: string;
    settings: CapstoneSettings;
    /** External examiners of the programme's capstones (the marking engine's context is the programme). */
    examiners: { id: string; name: string }[];
    /** The capstone committee (empty: every manager decides). */
    committee: { id: string; name: string }[];
  }[];
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
  const assessors = await activePeopleWithRole(db, 'assessor');
  const people = [...(await activePeopleWithRole(db, 'facilitator')), ...assessors];
  const programmes = [];
  for (const p of await allProgrammes(db)) {
    const examinerIds = await examinersOfContext(db, p.id);
    const memberIds = await listCommittee(db, p.id);
    const examinerNames = await personNames(db, [...examinerIds, ...memberIds]);
    programmes.push({
      id: p.id,
      title: pickLocalized(p.title, locale).text,
      settings: await capstoneSettings(db, p.id),
      examiners: examinerIds.map((id) => ({ id, name: examinerNames.get(id) ?? id })),
      committee: memberIds.map((id) => ({ id, name: examinerNames.get(id) ?? id })),
    });
  }
  return {
    supervisors: rows.map((r) => ({
      id: r.person_id,
      name: names.get(r.person_id) ?? r.person_id,
      load: loads.get(r.person_id) ?? 0,
      max: r.max_load,
    })),
    candidates: [...new Map(people.map((p) => [p.id, { id: p.id, name: p.fullName }])).values()],
    assessors: assessors.map((p) => ({ id: p.id, name: p.fullName })),
    managers: (await activePeopleWithRole(db, 'manager')).map((p) => ({ id: p.id, name: p.fullName })),
    programmes,
    rubrics: await rubricChoices(db),
  };
}
