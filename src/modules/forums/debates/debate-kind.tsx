import { z } from 'zod';
import { defineSpaceItemKind } from '../../spaces/space-item-kind.js';
import { DEBATE_KIND } from './debate.js';

export const debateKind = defineSpaceItemKind<Record<string, unknown>>({
  kind: DEBATE_KIND,
  label: 'forums.kind.debate',
  completionRules: ['submitted', 'viewed', 'marked-done'],
  settings: z.record(z.string(), z.unknown()),
  async render() {
    return null;
  },
});
