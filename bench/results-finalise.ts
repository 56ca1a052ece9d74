/**
 * Issue 13's figure "finalising 300 results (→ 300 certificates queued) in under 10 s": an edition that ran
 * this autumn with N confirmed participants (default 300), two scored components and a result policy; times
 * `finaliseResults` (evaluating everyone, recording the results through the pathway's class-list use case,
 * the snapshots, the issuance jobs queued) and prints the figure. Asserts nothing.
 *
 *   npx tsx bench/results-finalise.ts [--people 300] [--dialect sqlite|postgres]
 *
 * Also run by the `assessment` suite (`npm run bench -- --suite assessment`), which reports the figure.
 *
 * PostgreSQL uses TEST_DATABASE_URL (a fresh database is made and dropped, as in the tests).
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { systemActor } from '../src/kernel/actor.js';
import { enrolDirectly } from '../src/modules/places/enrol-directly.js';
import { finaliseResults } from '../src/modules/results/finalise-results.js';
import { saveResultPolicy } from '../src/modules/results/save-result-policy.js';
import { recordItemOutcome } from '../src/modules/spaces/record-item-outcome.js';
import { saveItem } from '../src/modules/spaces/save-item.js';
import { saveSection } from '../src/modules/spaces/save-section.js';
import { buildCourse, buildEdition, buildPerson } from '../test/helpers/factories.js';
import { actorOf } from '../test/helpers/pathway-factories.js';
import { createTestDeps } from '../test/helpers/test-deps.js';

/** The figure: finalising `count` people's results (ms), how many were recorded and how many jobs queued. */
export async function measureFinalise(
  dialect: 'sqlite' | 'postgres',
  count: number,
): Promise<{ ms: number; recorded: number; jobs: number }> {
  const deps = await createTestDeps(dialect);
  try {
    const facilitator = await buildPerson(deps, { roles: ['facilitator'] });
    const course = await buildCourse(deps);
    const edition = await buildEdition(deps, course.code, {
      facilitatorIds: [facilitator.id],
      capacity: count + 10,
      registrationDeadline: '2026-08-15',
      selfPacedStart: '2026-09-01',
      selfPacedEnd: '2026-09-14',
      liveStart: '2026-09-15',
      liveEnd: '2026-10-09',
      assignmentDue: '2026-10-16',
    });
    const staff = actorOf(facilitator);
    const section = await saveSection(deps.db, deps, staff, edition.id, null, {
      title: { en: 'Assessment' },
    });
    const item = async (title: string) =>
      (
        await saveItem(deps.db, deps, staff, edition.id, null, {
          sectionId: section.id,
          kind: 'page',
          title: { en: title },
          settings: { body: { en: title } },
        })
      ).id;
    const forum = await item('Forum');
    const assignment = await item('Assignment');
    await saveResultPolicy(deps.db, deps, staff, edition.id, {
      passMark: '60',
      achievementGives: 'achievement',
      participationGives: 'participation',
      components: {
        [forum]: { weight: '25', minMark: '', cutoff: '2026-10-01' },
        [assignment]: { weight: '75', minMark: '50', cutoff: '2026-10-20' },
      },
    });
    for (let index = 0; index < count; index++) {
      const person = await buildPerson(deps);
      await enrolDirectly(deps.db, deps, systemActor('bench'), edition.id, {
        email: person.email,
        fundingKind: 'self',
      });
      for (const itemId of [forum, assignment])
        await recordItemOutcome(deps.db, deps, {
          itemId,
          personId: person.id,
          outcome: { kind: 'passed', score: (index * 37 + (itemId === forum ? 11 : 0)) % 10_001 },
        });
    }
    const started = performance.now();
    const report = await finaliseResults(deps.db, deps, staff, edition.id);
    const ms = performance.now() - started;
    const jobs = await deps.db
      .selectFrom('jobs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('kind', '=', 'credentials.issue-course')
      .executeTakeFirstOrThrow();
    return { ms, recorded: report.recorded, jobs: Number(jobs.n) };
  } finally {
    await deps.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: { people: { type: 'string', default: '300' }, dialect: { type: 'string', default: 'sqlite' } },
  });
  const count = Number(values.people);
  const dialect = values.dialect === 'postgres' ? 'postgres' : 'sqlite';
  const figure = await measureFinalise(dialect, count);
  process.stdout.write(
    `${dialect}: finalised ${figure.recorded} results of ${count} people in ${Math.round(figure.ms)} ms; ${figure.jobs} certificate jobs queued\n`,
  );
}
