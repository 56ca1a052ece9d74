import type { Deps } from '../../src/deps.js';
import { systemActor } from '../../src/kernel/actor.js';
import type { Edition } from '../../src/modules/catalogue/course.js';
import { enrolDirectly } from '../../src/modules/places/enrol-directly.js';
import { saveItem } from '../../src/modules/spaces/save-item.js';
import { saveSection } from '../../src/modules/spaces/save-section.js';
import { buildCourse, buildEdition, buildPerson, type TestPerson } from './factories.js';
import { actorOf } from './pathway-factories.js';

/** An edition with a facilitator, a participant with a confirmed place, another participant without one and a manager. */
export interface SpaceWorld {
  edition: Edition;
  facilitator: TestPerson;
  participant: TestPerson;
  outsider: TestPerson;
  manager: TestPerson;
}

export async function buildSpaceWorld(
  deps: Deps,
  overrides: Record<string, unknown> = {},
): Promise<SpaceWorld> {
  const facilitator = await buildPerson(deps, { roles: ['facilitator'] });
  const course = await buildCourse(deps);
  const edition = await buildEdition(deps, course.code, { facilitatorIds: [facilitator.id], ...overrides });
  const participant = await buildPerson(deps);
  await enrolDirectly(deps.db, deps, systemActor('test'), edition.id, {
    email: participant.email,
    fundingKind: 'self',
  });
  return {
    edition,
    facilitator,
    participant,
    outsider: await buildPerson(deps),
    manager: await buildPerson(deps, { roles: ['manager'] }),
  };
}

/** A section holding a page (marked done) and a link; returns their ids. */
export async function buildSpaceContent(deps: Deps, world: SpaceWorld, options: { required?: boolean } = {}) {
  const staff = actorOf(world.facilitator);
  const section = await saveSection(deps.db, deps, staff, world.edition.id, null, {
    title: { en: 'Start here', fr: 'Pour commencer' },
    phase: 'self-paced',
  });
  const page = await saveItem(deps.db, deps, staff, world.edition.id, null, {
    sectionId: section.id,
    kind: 'page',
    title: { en: 'Welcome', fr: 'Bienvenue' },
    settings: { body: { en: '# Welcome\n\nRead *this*.', fr: '# Bienvenue\n\nLisez *ceci*.' } },
    completionRule: 'marked-done',
    required: options.required ?? true,
  });
  const link = await saveItem(deps.db, deps, staff, world.edition.id, null, {
    sectionId: section.id,
    kind: 'link',
    title: { en: 'ILO report' },
    settings: { url: 'https://www.ilo.org/' },
    afterItemId: page.id,
    required: false,
  });
  return { sectionId: section.id, pageId: page.id, linkId: link.id };
}
