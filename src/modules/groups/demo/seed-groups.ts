/**
 * The demo's groups: in the Academy A9012027 (the course space demo), a balanced group set "Working
 * groups" of its confirmed participants (participant@example.org is one of them), each group's shared
 * page started with a plan written in English, French and Spanish. Built through the module's use cases;
 * idempotent (an edition that has group sets is left as it is).
 */
import type { Deps } from '../../../deps.js';
import { systemActor } from '../../../kernel/actor.js';
import { findEditionIdByCode } from '../../catalogue/find-ids.js';
import { findPersonIdByEmail } from '../../identity/create-person.js';
import { enrolDirectly } from '../../places/enrol-directly.js';
import { confirmedParticipants, isConfirmedParticipant } from '../../places/places.queries.js';
import { groupSetsOfEdition } from '../groups.port.js';
import { createGroupSet } from '../manage-group-sets.js';
import { saveSharedPage } from '../shared-page.js';

export const DEMO_GROUPS_EDITION = 'A9012027';
export const DEMO_GROUP_SET = 'Working groups';
const DEMO_PARTICIPANT = 'participant@example.org';

/** The shared page every demo group starts with (one text, in the programme's three languages). */
export const DEMO_SHARED_PAGE = `## Our plan · Notre plan · Nuestro plan

**English.** We compare how our countries recruit migrant workers fairly. Each of us brings one example
of a bilateral labour agreement and one problem it leaves open. Draft by Friday; we agree on three
recommendations in our last meeting.

**Français.** Nous comparons la manière dont nos pays recrutent équitablement les travailleurs migrants.
Chacun apporte un exemple d’accord bilatéral de main-d’œuvre et un problème qu’il laisse ouvert.
Brouillon pour vendredi ; nous retenons trois recommandations lors de notre dernière réunion.

**Español.** Comparamos cómo nuestros países contratan de forma equitativa a los trabajadores migrantes.
Cada persona aporta un ejemplo de acuerdo bilateral de trabajo y un problema que deja abierto. Borrador
para el viernes; acordamos tres recomendaciones en nuestra última reunión.
`;

export async function seedDemoGroups(deps: Deps): Promise<{ groups: number }> {
  const system = systemActor('seed');
  const editionId = await findEditionIdByCode(deps.db, deps, DEMO_GROUPS_EDITION);
  if (!editionId) return { groups: 0 };
  if ((await groupSetsOfEdition(deps.db, editionId)).length > 0) return { groups: 0 };
  // The demo's promise: participant@example.org has a confirmed place there (through the places module).
  const participant = await findPersonIdByEmail(deps.db, deps, DEMO_PARTICIPANT);
  if (participant && !(await isConfirmedParticipant(deps.db, editionId, participant)))
    await enrolDirectly(deps.db, deps, system, editionId, { email: DEMO_PARTICIPANT, fundingKind: 'self' });
  const people = await confirmedParticipants(deps.db, editionId);
  if (people.length === 0) return { groups: 0 };
  const groupCount = Math.min(people.length, Math.max(2, Math.min(4, Math.floor(people.length / 3))));
  const { id } = await createGroupSet(
    deps.db,
    deps,
    system,
    editionId,
    { name: DEMO_GROUP_SET, formation: 'balanced', groupCount },
    'Group',
  );
  const set = (await groupSetsOfEdition(deps.db, editionId)).find((s) => s.id === id);
  for (const group of set?.groups ?? [])
    await saveSharedPage(deps.db, deps, system, group.id, { version: 0, body: DEMO_SHARED_PAGE });
  return { groups: set?.groups.length ?? 0 };
}
