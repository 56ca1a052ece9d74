import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestDeps } from '../../../test/helpers/test-deps.js';
import { systemActor } from '../../kernel/actor.js';
import { seedDemo } from '../../seed/seed-demo.js';
import { getProgramme } from '../programmes/get-programme.js';
import { loadAdmissionSettings } from './admission-settings.js';

describe('sqlite: demo admissions', () => {
  let deps: TestDeps;
  beforeAll(async () => {
    deps = await createTestDeps('sqlite');
    await seedDemo(deps);
    await seedDemo(deps); // idempotent
  });
  afterAll(() => deps.close());

  it('opens the demo programme for four months, with applications in different states and PDF files', async () => {
    const programme = await getProgramme(deps.db, deps, systemActor('test'), 'labour-migration');
    const settings = await loadAdmissionSettings(deps.db, programme.id);
    expect(settings).toMatchObject({ open: true, closesOn: '2027-03-28', isSaved: true });
    const rows = await deps.db
      .selectFrom('applications')
      .innerJoin('users', 'users.id', 'applications.user_id')
      .select([
        'users.email',
        'applications.status',
        'applications.eligible',
        'applications.locale',
        'applications.justification',
      ])
      .orderBy('users.email')
      .execute();
    expect(rows.map((r) => [r.email, r.status, r.eligible, r.locale])).toEqual([
      ['jean.mukendi@example.org', 'submitted', 0, 'fr'],
      ['kofi.boateng@example.org', 'draft', null, 'en'],
      ['priya.raman@example.org', 'submitted', 1, 'en'],
      ['valentina.rojas@example.org', 'submitted', 1, 'es'],
    ]);
    expect(rows[0]?.justification).toBeTruthy();
    const files = await deps.db.selectFrom('application_files').select(['kind', 'storage_key']).execute();
    expect(files).toHaveLength(4);
    for (const file of files) {
      const bytes = await deps.storage.get(file.storage_key);
      expect(Buffer.from(bytes!).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
  });
});
