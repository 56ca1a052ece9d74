import { describe, expect, it } from 'vitest';
import { criteriaSchema, criterionTitle } from './rubric.js';
import { rubricFromForm } from './save-rubric.js';

describe('criteria titled in the interface languages', () => {
  it('reads each language’s title from the form, leaves empty ones out, and shows the reader’s', () => {
    const form = rubricFromForm({
      title: 'Capstone',
      'c1.title': 'Structure and language',
      'c1.title.fr': ' Structure et langue ',
      'c1.title.es': '',
      'c1.maxPoints': '20',
      'c2.title': 'Evidence',
      'c2.maxPoints': '10',
    }) as { criteria: unknown[] };
    const [first, second] = criteriaSchema.parse(form.criteria);
    expect(first!.titles).toEqual({ fr: 'Structure et langue' });
    expect(second!.titles).toBeUndefined();
    expect(criterionTitle(first!, 'fr')).toBe('Structure et langue');
    // No Spanish title: the criterion's own.
    expect(criterionTitle(first!, 'es')).toBe('Structure and language');
    expect(criterionTitle(second!, 'fr')).toBe('Evidence');
  });

  it('refuses a translated title over 200 characters', () => {
    const criterion = { id: 'c1', title: 'T', weight: 1, maxPoints: 10, levels: [] };
    expect(criteriaSchema.safeParse([{ ...criterion, titles: { es: 'x'.repeat(201) } }]).success).toBe(false);
    expect(criteriaSchema.safeParse([{ ...criterion, titles: { es: 'x'.repeat(200) } }]).success).toBe(true);
  });
});
