import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AssessmentWorld,
  buildAssessmentWorld,
  submitForMarking,
} from '../../../../test/helpers/assessment-factories.js';
import { createTestApp } from '../../../../test/helpers/http.js';
import { Client, fieldError } from '../../../../test/helpers/http-extra.js';
import { actorOf } from '../../../../test/helpers/pathway-factories.js';
import type { TestDeps } from '../../../../test/helpers/test-deps.js';
import { translator } from '../../../i18n/i18n.js';
import { allocateMarker } from '../allocation/allocate-markers.js';
import { appendComment } from './get-comment-bank.js';
import { saveRubric } from './save-rubric.js';

/** The comment bank: a marker keeps frequent comments and adds one to a criterion's comment without JS. */
describe('the comment bank', () => {
  let app: Awaited<ReturnType<typeof createTestApp>>['app'];
  let deps: TestDeps;
  let close: () => Promise<void>;
  let world: AssessmentWorld;
  let markingId = '';
  let assessor: Client;
  let second: Client;

  beforeAll(async () => {
    ({ app, deps, close } = await createTestApp('sqlite'));
    const rubricId = (
      await saveRubric(deps.db, deps, { kind: 'system', reason: 'test' }, null, {
        title: 'Brief',
        criteria: [{ id: 'c1', title: 'Analysis', weight: 1, maxPoints: 10, levels: [] }],
      })
    ).id;
    world = await buildAssessmentWorld(deps, { rubricId });
    markingId = await submitForMarking(deps, world);
    await allocateMarker(deps.db, deps, actorOf(world.facilitator), markingId, {
      markerId: world.assessor.id,
      role: 'first',
    });
    assessor = new Client(app);
    await assessor.signIn(world.assessor.email, world.assessor.password);
    second = new Client(app);
    await second.signIn(world.secondAssessor.email, world.secondAssessor.password);
  }, 60_000);
  afterAll(() => close());

  it('appends a bank comment on its own paragraph', () => {
    expect(appendComment('', 'Cite sources.')).toBe('Cite sources.');
    expect(appendComment('Good.  \n', 'Cite sources.')).toBe('Good.\n\nCite sources.');
  });

  it('keeps a marker’s comments, adds one to a criterion without saving, and lets only its owner remove it', async () => {
    const empty = await assessor.send('/marking/comments', { text: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(fieldError(empty.body, 'text')).toBe(translator('en').t('validation.required'));
    expect(await deps.db.selectFrom('marking_comments').selectAll().execute()).toEqual([]);
    expect((await assessor.send('/marking/comments', { text: 'Cite your sources.' })).statusCode).toBe(303);
    const my = await assessor.get('/marking/my');
    expect(my.body).toContain('Cite your sources.');
    const [comment] = await deps.db.selectFrom('marking_comments').selectAll().execute();
    // Another marker's bank is theirs: not shown, not removable.
    expect((await second.get('/marking/my')).body).not.toContain('Cite your sources.');
    expect((await second.send(`/marking/comments/${comment!.id}/remove`)).statusCode).toBe(404);

    const page = await assessor.get(`/marking/submissions/${markingId}`);
    expect(page.body).toContain('name="bank.c1"');
    expect(page.body).toContain(`formaction="/marking/submissions/${markingId}/insert-comment"`);
    const inserted = await assessor.send(`/marking/submissions/${markingId}/insert-comment`, {
      'points.c1': '7',
      'comment.c1': 'Sound analysis.',
      'bank.c1': comment!.id,
      insertComment: 'c1',
    });
    expect(inserted.statusCode).toBe(200);
    expect(inserted.body).toMatch(/<textarea[^>]*>Sound analysis\.\n\nCite your sources\.<\/textarea>/);
    expect(inserted.body).toContain('value="7"');
    const marks = await deps.db.selectFrom('marking_marks').select('scores_json').execute();
    expect(marks.map((m) => m.scores_json)).toEqual(['{}']);

    expect((await assessor.send(`/marking/comments/${comment!.id}/remove`)).statusCode).toBe(303);
    expect(await deps.db.selectFrom('marking_comments').selectAll().execute()).toEqual([]);
  });
});
