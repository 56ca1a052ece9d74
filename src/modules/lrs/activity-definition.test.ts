import { describe, expect, it } from 'vitest';
import { mergeActivityDefinitions } from './activity-definition.js';

describe('mergeActivityDefinitions', () => {
  it('keeps the first definition when none is stored', () => {
    const incoming = { name: { 'en-US': 'Meeting' } };
    expect(mergeActivityDefinitions(undefined, incoming)).toEqual(incoming);
  });

  it('adds the languages of the newer name and description to the stored ones; the newer text wins per language', () => {
    const stored = {
      name: { 'en-US': 'Meeting', 'fr-FR': 'Réunion (ancien)' },
      description: { 'en-US': 'A meeting' },
    };
    const incoming = { name: { 'fr-FR': 'Réunion' }, description: { 'es-ES': 'Una reunión' } };
    expect(mergeActivityDefinitions(stored, incoming)).toEqual({
      name: { 'en-US': 'Meeting', 'fr-FR': 'Réunion' },
      description: { 'en-US': 'A meeting', 'es-ES': 'Una reunión' },
    });
  });

  it('takes the other properties from the newer definition and keeps those it leaves out', () => {
    const stored = {
      type: 'http://example.org/old',
      moreInfo: 'http://example.org/info',
      choices: [{ id: 'a' }],
    };
    const incoming = { type: 'http://example.org/new', choices: [{ id: 'b' }] };
    expect(mergeActivityDefinitions(stored, incoming)).toEqual({
      type: 'http://example.org/new',
      moreInfo: 'http://example.org/info',
      choices: [{ id: 'b' }],
    });
  });
});
