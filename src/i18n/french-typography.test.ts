import { describe, expect, it } from 'vitest';
import { frenchTypography, MESSAGES } from './i18n.js';

/** French messages set « : ; ! ? » and guillemets with a narrow no-break space (issue 10, point 13). */
describe('French typography', () => {
  it('puts a narrow no-break space before high punctuation and inside guillemets', () => {
    expect(frenchTypography('Fichier : {name}')).toBe('Fichier\u202f: {name}');
    expect(frenchTypography('Fichier: {name}')).toBe('Fichier\u202f: {name}');
    expect(frenchTypography('{where}\u00a0: x ; y')).toBe('{where}\u202f: x\u202f; y');
    expect(frenchTypography('« {code} » figure deux fois ! Vraiment ?')).toBe(
      '«\u202f{code}\u202f» figure deux fois\u202f! Vraiment\u202f?',
    );
    expect(frenchTypography('{n, plural, one {Qui ?} other {Quoi ?}}')).toBe(
      '{n, plural, one {Qui\u202f?} other {Quoi\u202f?}}',
    );
  });

  it('leaves times, addresses and text already right as they are', () => {
    for (const text of ['10:00', 'https://example.org', 'a\u202f: b', '«\u202fx\u202f»', '? au début'])
      expect(frenchTypography(text)).toBe(text);
  });

  it('holds for every French message of the catalogues', () => {
    for (const [id, message] of Object.entries(MESSAGES.fr)) {
      expect(message, id).not.toMatch(/[ \u00a0][:;!?»]/u);
      expect(message, id).not.toMatch(/«[ \u00a0]/u);
      expect(message, id).not.toMatch(/\p{L}[:;!?](\s|$)/u);
    }
  });
});
