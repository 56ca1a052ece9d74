import { describe, expect, it } from 'vitest';
import { pathwayRulesSchema } from './rules/rules.js';
import { requirementRowCount, rulesFormValues, rulesFromForm } from './rules-form.js';

const RULES = pathwayRulesSchema.parse({
  window: { years: 5 },
  equivalences: { ELMA: 'LMA' },
  requirements: [
    { id: 'academy', kind: 'course', courses: ['LMA'] },
    { id: 'electives', kind: 'choose', count: 3, courses: ['FRP', 'MALM', 'SPMW', 'GOV'] },
    { id: 'capstone', kind: 'capstone', after: ['academy', 'electives'] },
  ],
  courseHours: { LMA: 80, FRP: 60 },
  capstoneHours: 40,
  totalHours: 300,
});

const keys = (values: Record<string, string>) =>
  rulesFromForm(values).problems.map((p) => `${p.path} ${p.key}`);

describe('the rule-version form', () => {
  it('gives back the same rules from the values it shows (round trip), with spare rows', () => {
    const values = rulesFormValues(RULES);
    const { rules, problems } = rulesFromForm(values);
    expect(problems).toEqual([]);
    expect(pathwayRulesSchema.parse(rules)).toEqual(RULES);
    expect(requirementRowCount(values)).toBe(5);
  });

  it('leaves empty rows out and reads codes separated by commas, spaces or lines', () => {
    const { rules, problems } = rulesFromForm({
      windowYears: '4',
      'req.0.id': 'academy',
      'req.0.kind': 'course',
      'req.0.courses': 'LMA',
      'req.1.id': '',
      'req.2.id': 'electives',
      'req.2.kind': 'choose',
      'req.2.count': '2',
      'req.2.courses': 'FRP,MALM\nSPMW',
      equivalences: 'ELMA -> LMA',
      courseHours: 'LMA: 80\nFRP = 60,5',
      totalHours: '',
    });
    expect(problems).toEqual([]);
    expect(rules.requirements.map((r) => r.id)).toEqual(['academy', 'electives']);
    expect(rules.requirements[1]).toEqual({
      id: 'electives',
      kind: 'choose',
      count: 2,
      courses: ['FRP', 'MALM', 'SPMW'],
    });
    expect(rules.courseHours).toEqual({ LMA: 80, FRP: 60.5 });
    expect(rules.equivalences).toEqual({ ELMA: 'LMA' });
    expect(rules.totalHours).toBeUndefined();
  });

  it('locates every problem on its field with a message id', () => {
    expect(
      keys({
        windowYears: '0',
        'req.0.id': 'academy',
        'req.0.courses': 'LMA LMA',
        'req.1.id': 'academy',
        'req.1.kind': 'choose',
        'req.1.count': '4',
        'req.1.courses': 'FRP, ELMA',
        'req.2.id': 'final',
        'req.2.kind': 'capstone',
        'req.2.after': 'nothing',
        'req.3.id': 'x',
        'req.3.kind': 'capstone',
        'req.4.courses': 'FRP',
        equivalences: 'ELMA = LMA\nOLD = ELMA\nwrong line',
        courseHours: 'LMA = lots',
        capstoneHours: '-1',
      }),
    ).toEqual([
      'windowYears validation.tooSmall',
      'req.0.courses rulesForm.error.twice',
      'req.1.count rulesForm.error.countAboveCourses',
      'req.4.id validation.required',
      'equivalences rulesForm.error.line',
      'equivalences rulesForm.error.chain',
      'courseHours validation.notNumber',
      'capstoneHours validation.tooSmall',
      'req.1.id rulesForm.error.duplicateId',
      'req.3.kind rulesForm.error.oneCapstone',
      'req.1.courses rulesForm.error.listTarget',
      'req.2.after rulesForm.error.unknownRequirement',
    ]);
    expect(keys({ windowYears: '' })).toEqual([
      'windowYears validation.required',
      'req.0.id rulesForm.error.noRequirement',
    ]);
    expect(keys({ windowYears: '5', 'req.0.id': 'e', 'req.0.kind': 'choose', 'req.0.courses': 'A' })).toEqual(
      ['req.0.count validation.required'],
    );
    expect(keys({ windowYears: '5', 'req.0.id': 'a b', 'req.0.courses': 'A' })).toEqual([
      'req.0.id rulesForm.error.code',
    ]);
  });
});
