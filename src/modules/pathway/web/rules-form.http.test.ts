import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/helpers/dialects.js';
import { createTestApp } from '../../../../test/helpers/http.js';
import { Client, fieldError } from '../../../../test/helpers/http-extra.js';
import {
  buildParticipant,
  buildPathwayProgramme,
  earn,
  type PathwayProgramme,
  pathwayRules,
  pathwayState,
  registerAs,
} from '../../../../test/helpers/pathway-factories.js';
import type { TestDeps } from '../../../../test/helpers/test-deps.js';
import { translator } from '../../../i18n/i18n.js';
import { systemActor } from '../../../kernel/actor.js';
import { findRuleVersionRow, listRuleVersionRows } from '../pathway.repository.js';
import { pathwayRulesSchema } from '../rules/rules.js';
import { rulesFormValues } from '../rules-form.js';
import { setCapstoneStatus } from '../set-capstone-status.js';

/** The rule-version form: translated problems, the preview on today's candidates, earlier versions. */

const fr = translator('fr');
const es = translator('es');
const SYSTEM = systemActor('test');
const html = (text: string) => text.replace(/'/g, '&#39;').replace(/"/g, '&quot;');

for (const dialect of DIALECTS) {
  describe(`${dialect}: rule-version form`, () => {
    let app: Awaited<ReturnType<typeof createTestApp>>['app'];
    let deps: TestDeps;
    let close: () => Promise<void>;
    let programme: PathwayProgramme;
    let manager: Client;
    beforeAll(async () => {
      ({ app, deps, close } = await createTestApp(dialect));
      programme = await buildPathwayProgramme(deps, { effectiveFrom: '2020-01-01' });
      manager = new Client(app);
      const account = await buildParticipant(deps, { roles: ['manager'], locale: 'fr' });
      await manager.signIn(account.email, account.password);
    });
    afterAll(async () => close?.());

    const url = () => `/manage/programmes/${programme.slug}/rules`;
    const formOf = (electives = 3) =>
      rulesFormValues(pathwayRulesSchema.parse(pathwayRules(programme, electives)));

    it('shows the version in force as a form, with the JSON as an advanced view', async () => {
      const page = await manager.get(url());
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('name="req.1.count"');
      expect(page.body).toMatch(
        /id="field-req\.1\.count"[^>]*value="3"|value="3"[^>]*id="field-req\.1\.count"/,
      );
      expect(page.body).toContain(fr.t('rulesForm.advanced'));
      expect(page.body).toContain('name="rules"');
    });

    it('refuses bad input with messages in French next to the fields, saving nothing', async () => {
      const before = await pathwayState(deps);
      const response = await manager.send(url(), {
        ...formOf(),
        intent: 'save',
        effectiveFrom: '2031-02-30',
        windowYears: 'cinq',
        'req.1.count': '7',
        'req.2.after': 'academy, stage',
      });
      expect(response.statusCode).toBe(400);
      expect(fieldError(response.body, 'effectiveFrom')).toBe(fr.t('validation.invalidDate'));
      expect(fieldError(response.body, 'windowYears')).toBe(fr.t('validation.notNumber'));
      expect(fieldError(response.body, 'req.1.count')).toBe(
        html(fr.t('rulesForm.error.countAboveCourses', { count: 7, courses: 4 })),
      );
      expect(fieldError(response.body, 'req.2.after')).toBe(
        html(fr.t('rulesForm.error.unknownRequirement', { id: 'stage' })),
      );
      expect(response.body).toContain('value="cinq"');
      // The advanced view's JSON: shape and cross-field problems in French too.
      const json = await manager.send(url(), {
        intent: 'save-json',
        effectiveFrom: '2031-01-01',
        rules: JSON.stringify({ ...pathwayRules(programme), window: { years: 'five' } }),
      });
      expect(json.statusCode).toBe(400);
      expect(fieldError(json.body, 'rules')).toBe(
        html(fr.t('rulesForm.json.invalidType', { where: '$.window.years' })),
      );
      const rules = pathwayRules(programme);
      const crossed = await manager.send(url(), {
        intent: 'save-json',
        effectiveFrom: '2031-01-01',
        rules: JSON.stringify({ ...rules, requirements: [...rules.requirements, rules.requirements[0]] }),
      });
      expect(fieldError(crossed.body, 'rules')).toBe(
        html(fr.t('rulesForm.error.duplicateId', { id: 'academy' })),
      );
      expect(crossed.body).not.toContain('duplicate requirement id');
      expect(await pathwayState(deps)).toBe(before);
    });

    it('previews how many of today’s candidates would change status, saving nothing', async () => {
      const own = await buildPathwayProgramme(deps, { effectiveFrom: '2020-01-01' });
      for (let i = 0; i < 3; i++) {
        const person = await buildParticipant(deps);
        const candidacyId = await registerAs(deps, own, person, '2025-01-06');
        await earn(deps, person, own.academy, '2025-02-03', '2025-02-28');
        await earn(deps, person, own.electives[0], '2025-03-03', '2025-04-11');
        await earn(deps, person, own.electives[1], '2025-05-05', '2025-06-13');
        await setCapstoneStatus(deps.db, deps, SYSTEM, candidacyId, {
          status: 'passed',
          completedOn: '2026-06-01',
        });
      }
      const unchanged = await buildParticipant(deps);
      await registerAs(deps, own, unchanged, '2025-01-06');
      await earn(deps, unchanged, own.academy, '2025-02-03', '2025-02-28');
      const before = await pathwayState(deps);
      const values = rulesFormValues(pathwayRulesSchema.parse(pathwayRules(own, 2)));
      const preview = await manager.send(`/manage/programmes/${own.slug}/rules`, {
        ...values,
        intent: 'preview',
        effectiveFrom: '2027-01-01',
      });
      expect(preview.statusCode).toBe(200);
      expect(preview.body).toContain(fr.t('rulesForm.preview.changes', { count: 3 }));
      expect(preview.body).toContain(
        fr.t('rulesForm.preview.change', {
          count: 3,
          from: fr.t('candidate.status.active'),
          to: fr.t('candidate.status.completed'),
        }),
      );
      expect(preview.body).toContain(fr.t('rulesForm.preview.of', { count: 4 }));
      // The form keeps what was typed.
      expect(preview.body).toMatch(/value="2"/);
      const same = await manager.send(`/manage/programmes/${own.slug}/rules`, {
        intent: 'preview-json',
        effectiveFrom: '2027-01-01',
        rules: JSON.stringify(pathwayRules(own, 3)),
      });
      expect(same.body).toContain(fr.t('rulesForm.preview.changes', { count: 0 }));
      expect(await pathwayState(deps)).toBe(before);
    });

    it('asks to confirm a version that starts before the one in force, then saves it', async () => {
      const own = await buildPathwayProgramme(deps, { effectiveFrom: '2024-01-01' });
      const target = `/manage/programmes/${own.slug}/rules`;
      const programmeId = (await findRuleVersionRow(deps.db, own.ruleVersionId))!.programme_id;
      const values = { ...rulesFormValues(pathwayRulesSchema.parse(pathwayRules(own, 2))), intent: 'save' };
      const refused = await manager.send(target, { ...values, effectiveFrom: '2023-06-01' });
      expect(refused.statusCode).toBe(400);
      expect(fieldError(refused.body, 'effectiveFrom')).toBe(
        html(fr.t('rulesForm.error.beforeInForce', { version: 1, date: Date.parse('2024-01-01T00:00:00Z') })),
      );
      expect(refused.body).toContain('name="confirmEarlier"');
      expect(await listRuleVersionRows(deps.db, programmeId)).toHaveLength(1);
      const saved = await manager.send(target, {
        ...values,
        effectiveFrom: '2023-06-01',
        confirmEarlier: '1',
      });
      expect(saved.statusCode).toBe(303);
      const later = await manager.send(target, { ...values, effectiveFrom: '2027-01-01' });
      expect(later.statusCode).toBe(303);
      const rows = await listRuleVersionRows(deps.db, programmeId);
      expect(rows.map((r) => r.effective_from)).toEqual(['2027-01-01', '2023-06-01', '2024-01-01']);
      expect(JSON.parse(rows[0]!.rules_json).requirements[1].count).toBe(2);
    });

    it('speaks Spanish on the form', async () => {
      const browser = new Client(app);
      const account = await buildParticipant(deps, { roles: ['manager'], locale: 'es' });
      await browser.signIn(account.email, account.password);
      const response = await browser.send(url(), {
        ...formOf(),
        intent: 'save',
        effectiveFrom: '2031-01-01',
        'req.0.courses': '',
      });
      expect(response.statusCode).toBe(400);
      expect(fieldError(response.body, 'req.0.courses')).toBe(es.t('rulesForm.error.noCourses'));
    });
  });
}
