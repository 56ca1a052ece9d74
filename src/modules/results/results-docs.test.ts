import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runResultsEvaluate } from './evaluate-cli.js';

const DOC = readFileSync(new URL('../../../docs/results.md', import.meta.url), 'utf8');

/** The fenced block that follows `<!-- example:<name> -->` in docs/results.md. */
function example(name: string): string {
  const match = new RegExp(`<!-- example:${name} -->\\s*\`\`\`json\\n([\\s\\S]*?)\\n\`\`\``).exec(DOC);
  if (!match?.[1]) throw new Error(`docs/results.md has no example "${name}"`);
  return match[1];
}

describe('docs/results.md', () => {
  it('its example gives exactly its documented output', async () => {
    const files: Record<string, string> = {
      'POLICY.json': example('policy'),
      'MARKS.json': example('marks'),
    };
    let stdout = '';
    const code = await runResultsEvaluate(
      ['--policy', 'POLICY.json', '--marks', 'MARKS.json', '--today', '2026-05-01'],
      {
        readFile: async (path) => files[path] ?? '',
        stdout: (text) => {
          stdout += text;
        },
        stderr: (text) => {
          throw new Error(text);
        },
      },
    );
    expect(code).toBe(0);
    expect(stdout).toBe(`${example('output')}\n`);
  });
});
