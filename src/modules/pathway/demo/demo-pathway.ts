/**
 * Demo candidates at every stage of the diploma (as of late 2026), from shared/demo/README.md:
 * nothing yet, Academy done, 1–2–3 electives, capstone in progress, awardable, window about to close,
 * expired, withdrawn, a participation certificate that does not count, a legacy certificate from before
 * the platform, an extension that saves a candidate, a diploma awarded (Aisha), a diploma suspended
 * (Ahmed, whose certificate issued in error is revoked) and a candidate ready for the award (Thandiwe).
 * Editions are named by their demo codes (language letter, course number, year: A9012023 is the English
 * Academy of 2023).
 */

/** The diploma's requirement rules, version 1 (the example, with every eligible elective). */
export const DEMO_RULES = {
  window: { years: 5, from: 'first-counted-start' },
  equivalences: { ELMA: 'LMA' },
  requirements: [
    { id: 'academy', kind: 'course', courses: ['LMA'] },
    {
      id: 'electives',
      kind: 'choose',
      count: 3,
      courses: ['FRP', 'MALM', 'SPMW', 'PRM', 'LMGE', 'MMDP', 'BLA'],
    },
    { id: 'capstone', kind: 'capstone', after: ['academy', 'electives'] },
  ],
  courseHours: { LMA: 80, ELMA: 80, FRP: 60, MALM: 60, SPMW: 60, PRM: 60, LMGE: 60, MMDP: 60, BLA: 60 },
  capstoneHours: 40,
  totalHours: 300,
};

export interface DemoCandidate {
  email: string;
  registeredOn: string;
  /**
   * Editions taken, by demo code, with their outcome, completed at the edition's end unless `completedOn`
   * says otherwise (an always-open self-paced course ends years after a learner completes it).
   */
  results: {
    edition: string;
    outcome: 'achievement' | 'participation' | 'not-passed';
    grade?: string;
    completedOn?: string;
  }[];
  /** Editions enrolled in without a result yet. */
  enrolled?: string[];
  legacy?: { course: string; startedOn: string; completedOn: string; reference: string }[];
  capstone?: { status: 'in-progress' | 'passed'; completedOn?: string };
  extension?: { months: number; reason: string };
  withdrawn?: string;
}

export const DEMO_CANDIDATES: DemoCandidate[] = [
  {
    email: 'participant@example.org',
    registeredOn: '2023-05-02',
    results: [
      { edition: 'A9012023', outcome: 'achievement', grade: 'B+' },
      { edition: 'A9032024', outcome: 'achievement', grade: 'A' },
      { edition: 'A9092024', outcome: 'achievement', grade: 'B' },
    ],
    enrolled: ['A9052027'],
  },
  { email: 'carlos.nunez@example.org', registeredOn: '2026-10-01', results: [] },
  {
    email: 'maria.ivanova@example.org',
    registeredOn: '2025-03-10',
    results: [{ edition: 'A9012025', outcome: 'achievement', grade: 'A-' }],
  },
  {
    email: 'mohammed.alahmad@example.org',
    registeredOn: '2022-01-20',
    results: [
      { edition: 'B9012022', outcome: 'achievement', grade: '16/20' },
      { edition: 'B9032022', outcome: 'achievement', grade: '15/20' },
    ],
  },
  {
    email: 'wang.fang@example.org',
    registeredOn: '2022-02-01',
    results: [
      { edition: 'A9012022', outcome: 'achievement', grade: 'A' },
      { edition: 'A9052023', outcome: 'achievement', grade: 'A' },
      { edition: 'A9082024', outcome: 'achievement', grade: 'A-' },
      { edition: 'A9092024', outcome: 'achievement', grade: 'B+' },
    ],
    capstone: { status: 'in-progress' },
  },
  {
    email: 'aisha.bello@example.org',
    registeredOn: '2021-01-11',
    results: [
      { edition: 'A9062021', outcome: 'achievement', grade: 'A' },
      { edition: 'A9012021', outcome: 'achievement', grade: 'A' },
      { edition: 'A9032022', outcome: 'achievement', grade: 'B+' },
      { edition: 'A9072022', outcome: 'achievement', grade: 'A-' },
    ],
    capstone: { status: 'passed', completedOn: '2025-06-30' },
  },
  {
    email: 'ramesh.shrestha@example.org',
    registeredOn: '2022-01-05',
    results: [
      { edition: 'A9072022', outcome: 'achievement', grade: 'B' },
      { edition: 'A9012022', outcome: 'achievement', grade: 'B+' },
    ],
  },
  {
    email: 'fatou.ndiaye@example.org',
    registeredOn: '2020-08-15',
    results: [
      { edition: 'B9032020', outcome: 'achievement', grade: '14/20' },
      { edition: 'B9022020', outcome: 'achievement', grade: '15/20' },
    ],
  },
  {
    email: 'maria.jose.perez@example.org',
    registeredOn: '2021-04-01',
    results: [{ edition: 'C9012021', outcome: 'achievement', grade: 'Notable' }],
    withdrawn: 'Cambio de empleo: pidió suspender su candidatura.',
  },
  {
    email: 'kwame.mensah@example.org',
    registeredOn: '2024-01-15',
    results: [
      { edition: 'A9042020', outcome: 'participation', completedOn: '2023-11-24' },
      { edition: 'A9012024', outcome: 'achievement', grade: 'B' },
      { edition: 'A9032024', outcome: 'participation' },
    ],
  },
  {
    email: 'elena.popescu@example.org',
    registeredOn: '2021-09-01',
    results: [{ edition: 'B9102023', outcome: 'achievement', grade: '17/20' }],
    legacy: [
      { course: 'LMA', startedOn: '2022-06-13', completedOn: '2022-06-24', reference: 'ITC-2022-LMA-0421' },
    ],
  },
  {
    email: 'joseph.kamau@example.org',
    registeredOn: '2021-02-01',
    results: [
      { edition: 'A9092021', outcome: 'achievement', grade: 'B' },
      { edition: 'A9062021', outcome: 'achievement', grade: 'B+' },
      { edition: 'A9012021', outcome: 'achievement', grade: 'A-' },
      { edition: 'A9102025', outcome: 'achievement', grade: 'A' },
    ],
    capstone: { status: 'in-progress' },
    extension: { months: 12, reason: 'Serious illness in 2025 (medical certificate on file).' },
  },
  // Awarded a diploma at seed time, then suspended (src/seed/seed-credentials.ts); his Certificate of
  // Achievement of MALM was issued in error and is revoked before the award.
  {
    email: 'ahmed.benali@example.org',
    registeredOn: '2022-01-10',
    results: [
      { edition: 'B9012022', outcome: 'achievement', grade: '15/20' },
      { edition: 'B9032022', outcome: 'achievement', grade: '14/20' },
      { edition: 'A9052023', outcome: 'achievement', grade: '12/20' },
      { edition: 'B9102023', outcome: 'achievement', grade: '16/20' },
      { edition: 'A9082024', outcome: 'achievement', grade: '13/20' },
    ],
    capstone: { status: 'passed', completedOn: '2025-09-30' },
  },
  // Ready for the diploma, not awarded yet: the ready list's one-click award.
  {
    email: 'thandiwe.dlamini@example.org',
    registeredOn: '2023-02-01',
    results: [
      { edition: 'A9012023', outcome: 'achievement', grade: 'A-' },
      { edition: 'A9052023', outcome: 'achievement', grade: 'B+' },
      { edition: 'A9092024', outcome: 'achievement', grade: 'A' },
      { edition: 'A9032024', outcome: 'achievement', grade: 'B' },
    ],
    capstone: { status: 'passed', completedOn: '2026-05-29' },
  },
];
