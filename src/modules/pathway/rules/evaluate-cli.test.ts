import { describe, expect, it } from 'vitest';
import { EVALUATE_USAGE, type EvaluateCommandIo, runEvaluateCommand } from './evaluate-cli.js';
import { DIPLOMA_RULES_INPUT } from './pathway-fixtures.js';

const RECORD = {
  registeredOn: '2021-01-10',
  status: 'active',
  achievements: [
    { course: 'ELMA', credential: 'achievement', start: '2020-11-09', completed: '2020-12-18' },
    { course: 'FRP', credential: 'achievement', start: '2022-09-12', completed: '2022-10-21' },
    { course: 'MALM', credential: 'participation', completed: '2021-12-04' },
  ],
  extensions: [{ months: 6, reason: 'illness' }],
};

function fakeIo(files: Record<string, string>, stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const io: EvaluateCommandIo = {
    readFile: async (path) => {
      const text = files[path];
      if (text === undefined) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
      return text;
    },
    readStdin: async () => stdin,
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    today: () => '2023-01-10',
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

const FILES = { 'rules.json': JSON.stringify(DIPLOMA_RULES_INPUT), 'record.json': JSON.stringify(RECORD) };
const RUN = ['--rules', 'rules.json', '--record', 'record.json'];

async function run(args: string[], files: Record<string, string> = FILES, stdin = '') {
  const fake = fakeIo(files, stdin);
  const code = await runEvaluateCommand(args, fake.io);
  return { code, stdout: fake.stdout(), stderr: fake.stderr() };
}

/** A refused run: exit code 2, nothing on stdout, one paragraph on stderr. */
async function refused(args: string[], files: Record<string, string> = FILES, stdin = '') {
  const result = await run(args, files, stdin);
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr.trimEnd()).not.toContain('\n');
  return result.stderr;
}

describe('runEvaluateCommand', () => {
  it('a record registered this month with only a 2018 Academy and a 2027 Academy enrolment is active', async () => {
    const record = {
      registeredOn: '2026-12-01',
      status: 'active',
      achievements: [
        { course: 'LMA', credential: 'achievement', start: '2018-03-05', completed: '2018-04-13' },
      ],
      enrolments: [{ course: 'LMA', start: '2027-03-01', end: '2027-04-09' }],
    };
    const files = { ...FILES, 'record.json': JSON.stringify(record) };
    const result = await run([...RUN, '--today', '2026-12-06', '--lang', 'es'], files);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const evaluation = JSON.parse(result.stdout);
    expect(evaluation).toMatchObject({
      status: 'active',
      uncounted: [{ course: 'LMA', reason: 'no-longer-counts' }],
    });
    expect(evaluation.explanation).toContain('ya no cuenta');
  });

  it('prints the evaluation as JSON and returns 0', async () => {
    const result = await run([...RUN, '--today', '2023-01-10']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const evaluation = JSON.parse(result.stdout);
    expect(evaluation).toMatchObject({
      awardable: false,
      capstoneUnlocked: false,
      status: 'active',
      window: { start: '2020-11-09', deadline: '2026-05-09' },
      extensionsMonths: 6,
      hours: { counted: 140, total: 300 },
      atRisk: [],
    });
    expect(
      evaluation.requirements.map((item: { id: string; status: string; counted: string[] }) => [
        item.id,
        item.status,
        item.counted,
      ]),
    ).toEqual([
      ['academy', 'met', ['ELMA']],
      ['electives', 'missing', ['FRP']],
      ['capstone', 'missing', []],
    ]);
    expect(evaluation.reasons[0]).toEqual({
      code: 'missingElectives',
      params: { requirement: 'electives', count: 2, have: 1, needed: 3 },
    });
    expect(evaluation.explanation).toContain('2 more elective courses are needed');
    expect(result.stdout.endsWith('}\n')).toBe(true);
  });

  it('uses the injected clock without --today, reads --flag=value, and explains in French', async () => {
    const result = await run(['--rules=rules.json', '--record=record.json', '--lang=fr']);
    expect(result.code).toBe(0);
    const evaluation = JSON.parse(result.stdout);
    expect(evaluation.explanation).toContain('Il manque encore 2 cours au choix');
    const later = JSON.parse((await run([...RUN, '--today', '2026-01-10'])).stdout);
    expect(later.atRisk).toContainEqual({
      kind: 'deadline-soon',
      deadline: '2026-05-09',
      missing: ['electives', 'capstone'],
    });
  });

  it('reads a file named - from stdin', async () => {
    const result = await run(
      ['--rules', 'rules.json', '--record', '-', '--lang', 'es'],
      FILES,
      JSON.stringify(RECORD),
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).explanation).toContain('Faltan 2 cursos optativos');
  });

  it('prints its usage with --help', async () => {
    expect(await run(['--help'])).toEqual({ code: 0, stdout: `${EVALUATE_USAGE}\n`, stderr: '' });
  });

  it('refuses a missing, unknown, repeated or empty flag', async () => {
    expect(await refused(['--rules', 'rules.json'])).toContain('--rules and --record are required');
    expect(await refused([...RUN, '--verbose'])).toContain('Unknown argument "--verbose"');
    expect(await refused([...RUN, 'extra.json'])).toContain('Unknown argument "extra.json"');
    expect(await refused([...RUN, '--rules', 'other.json'])).toContain('--rules is given twice');
    expect(await refused(['--rules', 'rules.json', '--record'])).toContain('--record needs a value');
  });

  it('refuses a bad --today or --lang, and stdin twice', async () => {
    expect(await refused([...RUN, '--today', '2023-02-30'])).toContain(
      '--today must be a date YYYY-MM-DD, got "2023-02-30"',
    );
    expect(await refused([...RUN, '--lang', 'de'])).toContain('--lang must be one of en, fr, es, got "de"');
    expect(await refused(['--rules', '-', '--record', '-'])).toContain('Only one of --rules and --record');
  });

  it('names an unreadable file', async () => {
    const message = await refused(['--rules', 'rules.json', '--record', 'missing.json']);
    expect(message).toMatch(/^Cannot read the record file "missing\.json": ENOENT/);
  });

  it('names a file that is not JSON', async () => {
    const message = await refused(RUN, { ...FILES, 'rules.json': '{"window": {"years": 5},' });
    expect(message).toMatch(/^The rules file "rules\.json" is not valid JSON: /);
  });

  it('names the file and the JSON path of a schema violation', async () => {
    const record = structuredClone(RECORD);
    record.achievements[1]!.completed = '2022-13-01';
    const message = await refused(RUN, { ...FILES, 'record.json': JSON.stringify(record) });
    expect(message).toBe(
      'The record file "record.json" is invalid: $.achievements[1].completed: expected a date YYYY-MM-DD, got "2022-13-01".\n',
    );
  });

  it('says which field is missing, and names a rule that refers to nothing', async () => {
    const { registeredOn: _registeredOn, ...withoutDate } = RECORD;
    const missing = await refused(RUN, { ...FILES, 'record.json': JSON.stringify(withoutDate) });
    expect(missing).toContain('$.registeredOn: is required');
    const rules = structuredClone(DIPLOMA_RULES_INPUT);
    rules.requirements[2] = { id: 'capstone', kind: 'capstone', after: ['academy', 'electivs'] };
    const unknown = await refused(RUN, { ...FILES, 'rules.json': JSON.stringify(rules) });
    expect(unknown).toBe(
      'The rules file "rules.json" is invalid: $.requirements[2].after[1]: no requirement has the id "electivs".\n',
    );
  });

  it('lists at most five problems', async () => {
    const achievements = Array.from({ length: 7 }, () => ({ course: 'LMA', credential: 'achievement' }));
    const message = await refused(RUN, {
      ...FILES,
      'record.json': JSON.stringify({ ...RECORD, achievements }),
    });
    expect(message).toContain('$.achievements[4].completed: is required; and 2 more problems.');
  });
});
