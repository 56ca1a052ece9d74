import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runResultsEvaluate } from './evaluate-cli.js';
import { ISSUE_MARKS_JSON, ISSUE_POLICY_JSON } from './result-policy-fixtures.js';

const EXPECTED =
  '[{"person":"P-0001","outcome":"participation","total":2719,"gates":{"requiredItemsComplete":true,"attendance":true,"assignment":true},"missing":["group"]}]';

const FILES: Record<string, string> = { 'policy.json': ISSUE_POLICY_JSON, 'marks.json': ISSUE_MARKS_JSON };
const RUN = ['--policy', 'policy.json', '--marks', 'marks.json', '--today', '2026-05-01'];

async function run(args: string[], files: Record<string, string> = FILES) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runResultsEvaluate(args, {
    readFile: async (path) => {
      const text = files[path];
      if (text === undefined) throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
      return text;
    },
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
  });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/** A refused run: exit 2, nothing on stdout, exactly one line on stderr. */
async function refused(args: string[], files: Record<string, string> = FILES): Promise<string> {
  const result = await run(args, files);
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^[^\n]+\n$/);
  return result.stderr;
}

const policyWith = (change: (policy: Record<string, unknown>) => void) => {
  const policy = JSON.parse(ISSUE_POLICY_JSON) as Record<string, unknown>;
  change(policy);
  return { ...FILES, 'policy.json': JSON.stringify(policy) };
};
const marksText = (text: string) => ({ ...FILES, 'marks.json': text });

describe('diploma results evaluate (in process)', () => {
  it("prints the issue's example output", async () => {
    const result = await run(RUN);
    expect(result).toEqual({ code: 0, stdout: `${EXPECTED}\n`, stderr: '' });
  });

  it('keeps the input order and reads 0.29 as 29 hundredths', async () => {
    const marks = `[
      { "person": "B", "requiredItemsComplete": true, "attendance": 100, "marks": { "forum": 0.29, "group": 0.29, "assignment": 0.29 } },
      { "person": "A", "attendance": 0, "marks": {} } ]`;
    const result = await run(RUN, marksText(marks));
    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout) as { person: string; total: number | null; outcome: string }[];
    expect(output.map((r) => r.person)).toEqual(['B', 'A']);
    expect(output[0]?.total).toBe(29);
    expect(output[1]).toMatchObject({ total: 0, outcome: 'none' });
  });

  it.each([
    [
      'an unknown component',
      marksText('[{"person":"P","marks":{"essay":50}}]'),
      /marks\.essay: unknown component "essay"/,
    ],
    [
      'a mark above 100',
      marksText('[{"person":"P","marks":{"forum":100.01}}]'),
      /marks\.forum: must be a percentage/,
    ],
    ['a negative mark', marksText('[{"person":"P","marks":{"forum":-1}}]'), /marks\.forum/],
    ['a mark with three decimals', marksText('[{"person":"P","marks":{"forum":72.555}}]'), /72\.555/],
    ['a mark as text', marksText('[{"person":"P","marks":{"forum":"72"}}]'), /marks\.forum/],
    [
      'a person given twice',
      marksText('[{"person":"P"},{"person":"P"}]'),
      /\$\[1\]\.person: person "P" is given twice/,
    ],
    ['attendance above 100', marksText('[{"person":"P","attendance":101}]'), /attendance/],
    ['invalid JSON', marksText('[{"person":'), /marks\.json: is not valid JSON/],
    ['a duplicate key', marksText('[{"person":"P","person":"Q"}]'), /not valid JSON/],
    [
      'a weight of 1.5',
      policyWith((p) => {
        (p.components as { weight: number }[])[0]!.weight = 1.5;
      }),
      /weight: must be a positive integer/,
    ],
    [
      'a weight of 0',
      policyWith((p) => {
        (p.components as { weight: number }[])[0]!.weight = 0;
      }),
      /weight/,
    ],
    [
      'a bad cut-off date',
      policyWith((p) => {
        (p.components as { cutoff: string }[])[0]!.cutoff = '2026-02-30';
      }),
      /cutoff: must be a date/,
    ],
    [
      'a component given twice',
      policyWith((p) => {
        (p.components as { id: string }[])[1]!.id = 'forum';
      }),
      /given twice/,
    ],
    [
      'an unknown policy key',
      policyWith((p) => {
        p.passmark = 50;
      }),
      /passmark/,
    ],
  ])('refuses %s', async (_name, files, message) => {
    expect(await refused(RUN, files)).toMatch(message);
  });

  it('refuses a bad --today, a missing flag, an unknown flag and an unreadable file', async () => {
    expect(await refused([...RUN.slice(0, 4), '--today', '2026-13-01'])).toMatch(/--today must be a date/);
    expect(await refused(RUN.slice(0, 4))).toMatch(/--today is required/);
    expect(await refused([...RUN, '--lang', 'fr'])).toMatch(/Unknown argument "--lang"/);
    expect(await refused(['--policy', 'nowhere.json', ...RUN.slice(2)])).toMatch(
      /nowhere\.json: cannot be read \(ENOENT\)/,
    );
  });
});

describe('diploma results evaluate (the real command line)', () => {
  const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
  const dir = mkdtempSync(join(tmpdir(), 'dp-results-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const diploma = (args: string[]) =>
    spawnSync(process.execPath, [join(ROOT, 'bin/diploma.js'), 'results', 'evaluate', ...args], {
      cwd: dir,
      env: { ...process.env, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('prints the example and exits 0; bad input exits 2 with one line on stderr', () => {
    writeFileSync(join(dir, 'POLICY.json'), ISSUE_POLICY_JSON);
    writeFileSync(join(dir, 'MARKS.json'), ISSUE_MARKS_JSON);
    writeFileSync(join(dir, 'BAD.json'), '[{"person":"P-0001","marks":{"forum":72.555}}]');
    const ok = diploma(['--policy', 'POLICY.json', '--marks', 'MARKS.json', '--today', '2026-05-01']);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual(JSON.parse(EXPECTED));

    const bad = diploma(['--policy', 'POLICY.json', '--marks', 'BAD.json', '--today', '2026-05-01']);
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^BAD\.json: \$\[0\]\.marks\.forum: [^\n]+\n$/);
  }, 60_000);
});
