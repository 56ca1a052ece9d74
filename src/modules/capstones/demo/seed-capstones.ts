/**
 * Demo capstones in every state, made through the use cases: drafts of candidates whose capstone is
 * still locked, a proposal waiting for the committee, one returned, one rejected, one in progress with a
 * supervisor, messages and a draft, one handed in and being marked blind, one to be resubmitted, one
 * failed, and Thandiwe's passed capstone: issued as a credential, in her diploma's CLR, published in the
 * library. The programme's capstone rubric (the five criteria) is set first, and the marked
 * capstones are marked on it, criterion by criterion (capstone-rubric.ts). Three extra candidates (legacy certificates) make the states that need an unlocked capstone.
 * Runs once (nothing is done when a capstone exists).
 */
import type { Deps } from '../../../deps.js';
import { type Actor, systemActor } from '../../../kernel/actor.js';
import { findCourseId } from '../../catalogue/find-ids.js';
import { awardDiploma } from '../../credentials/issuing/award-diploma.js';
import { createPerson, findPersonIdByEmail } from '../../identity/create-person.js';
import { DEMO_PASSWORD } from '../../identity/demo/demo-people.js';
import { findPerson } from '../../identity/identity.queries.js';
import { markerViewOf } from '../../marking/marking.queries.js';
import { agreeMark } from '../../marking/moderation/moderate-submission.js';
import { releaseMark } from '../../marking/release-marks.js';
import { saveMark } from '../../marking/save-mark.js';
import { recordLegacyResult } from '../../pathway/record-legacy-result.js';
import { registerCandidate } from '../../pathway/register-candidate.js';
import { DEMO_PROGRAMME_SLUG } from '../../programmes/demo/demo-programme.js';
import { candidateStandings } from '../capstone-candidate.js';
import { countByState, listAttempts } from '../capstones.repository.js';
import { allocateAssessors } from '../committee/allocate-assessors.js';
import { decideProposal } from '../committee/decide-proposal.js';
import { submitFinal } from '../final/submit-final.js';
import { uploadFinalDocument } from '../final/upload-final-document.js';
import { setLibraryConsent } from '../library/set-library-consent.js';
import { saveProposal } from '../proposal/save-proposal.js';
import { submitProposal } from '../proposal/submit-proposal.js';
import { recordOutcome } from '../record-outcome.js';
import { addDraft } from '../supervision/add-draft.js';
import { assignSupervisor } from '../supervision/assign-supervisor.js';
import { postMessage } from '../supervision/post-message.js';
import { setSupervisorLoad } from '../supervision/set-supervisor-load.js';
import { demoCapstoneMark, seedCapstoneRubric } from './capstone-rubric.js';

type Target =
  | 'draft'
  | 'proposed'
  | 'returned'
  | 'rejected'
  | 'approved'
  | 'submitted'
  | 'resubmission'
  | 'passed'
  | 'failed';

interface DemoCapstone {
  email: string;
  target: Target;
  title: string;
  country: string;
  question: string;
  themes: string[];
  language: 'en' | 'fr' | 'es';
  abstract: string;
}

const DEMO: DemoCapstone[] = [
  {
    email: 'thandiwe.dlamini@example.org',
    target: 'passed',
    title: 'Portable social protection for Basotho mineworkers in South Africa',
    country: 'ZA',
    question:
      'How can South Africa and Lesotho make pension and injury benefits portable for cross-border mineworkers?',
    themes: ['Social protection', 'Labour mobility'],
    language: 'en',
    abstract:
      'Drawing on the Academy’s rights-based approach and three courses on fair recruitment, social protection and labour market information, this capstone recommends a bilateral portability agreement, a joint benefits register and outreach through mineworker unions.',
  },
  {
    email: 'wang.fang@example.org',
    target: 'approved',
    title: 'Fair recruitment corridors from Yunnan to Thailand',
    country: 'CN',
    question:
      'Which regulatory steps would reduce recruitment fees paid by workers migrating from Yunnan to Thailand?',
    themes: ['Fair recruitment'],
    language: 'en',
    abstract: '',
  },
  {
    email: 'joseph.kamau@example.org',
    target: 'submitted',
    title: 'Protecting Kenyan domestic workers in the Gulf',
    country: 'KE',
    question: 'How can Kenya’s bilateral labour agreements protect domestic workers in the Gulf states?',
    themes: ['Domestic work', 'Bilateral agreements'],
    language: 'en',
    abstract:
      'Kenya can strengthen its bilateral labour agreements with standard contracts, pre-departure training and labour attachés.',
  },
  {
    email: 'capstone.proposed@example.org',
    target: 'proposed',
    title: 'La migration de retour au Maroc : réintégrer les compétences',
    country: 'MA',
    question: 'Comment le Maroc peut-il valoriser les compétences des migrants de retour ?',
    themes: ['Migration de retour', 'Compétences'],
    language: 'fr',
    abstract: '',
  },
  {
    email: 'ahmed.benali@example.org',
    target: 'returned',
    title: 'Labour migration governance in Nigeria',
    country: 'NG',
    question: 'What should Nigeria’s labour migration policy change?',
    themes: ['Governance'],
    language: 'en',
    abstract: '',
  },
  {
    email: 'participant@example.org',
    target: 'draft',
    title: 'Skills partnerships between Viet Nam and Japan',
    country: 'VN',
    question: 'How can Viet Nam and Japan recognise the skills of technical intern trainees?',
    themes: ['Skills recognition'],
    language: 'en',
    abstract: '',
  },
  {
    email: 'maria.ivanova@example.org',
    target: 'draft',
    title: 'Seasonal work from Moldova',
    country: 'MD',
    question: 'How can seasonal workers from Moldova be protected in the EU?',
    themes: ['Seasonal work'],
    language: 'en',
    abstract: '',
  },
  {
    email: 'capstone.rejected@example.org',
    target: 'rejected',
    title: 'Migration in general',
    country: 'PH',
    question: 'What is migration?',
    themes: ['Migration'],
    language: 'en',
    abstract: '',
  },
  {
    email: 'capstone.resubmit@example.org',
    target: 'resubmission',
    title: 'Trabajo decente para migrantes venezolanos en Colombia',
    country: 'CO',
    question: '¿Cómo puede Colombia integrar a los trabajadores venezolanos en el empleo formal?',
    themes: ['Integración laboral'],
    language: 'es',
    abstract: 'Colombia puede ampliar el permiso de protección temporal y reconocer las cualificaciones.',
  },
  {
    email: 'capstone.failed@example.org',
    target: 'failed',
    title: 'Remittances and development in Nepal',
    country: 'NP',
    question: 'How can remittances to Nepal finance local development?',
    themes: ['Remittances'],
    language: 'en',
    abstract: 'Remittances can be channelled into local investment funds.',
  },
];

/** The extra candidates, with legacy certificates of the Academy and three electives (2023–2024). */
const EXTRA = [
  { email: 'capstone.rejected@example.org', fullName: 'Maricel Santos' },
  { email: 'capstone.resubmit@example.org', fullName: 'Andrés Gómez' },
  { email: 'capstone.failed@example.org', fullName: 'Bishnu Thapa' },
  { email: 'capstone.proposed@example.org', fullName: 'Youssef Amrani' },
];
const LEGACY = [
  ['LMA', '2023-06-12', '2023-06-23'],
  ['FRP', '2023-09-04', '2023-10-13'],
  ['MALM', '2024-02-05', '2024-03-15'],
  ['SPMW', '2024-05-06', '2024-06-14'],
] as const;

const as = async (deps: Deps, id: string): Promise<Actor> => {
  const person = await findPerson(deps.db, id);
  return { kind: 'user', id, roles: person?.roles ?? ['participant'], via: 'session' };
};

/** A small PDF standing for a demo capstone document. */
function demoPdf(title: string): Buffer {
  const safe = title.replace(/[()\\]/g, ' ');
  return Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n4 0 obj<</Title(${safe})>>endobj\ntrailer<</Root 1 0 R/Info 4 0 R>>\n%%EOF\n`,
    'latin1',
  );
}

async function extraCandidates(deps: Deps, actor: Actor): Promise<void> {
  for (const extra of EXTRA) {
    if (await findPersonIdByEmail(deps.db, deps, extra.email)) continue;
    const { id: userId } = await createPerson(deps.db, deps, actor, {
      email: extra.email,
      password: DEMO_PASSWORD,
      fullName: extra.fullName,
      preferredLocale: 'en',
      roles: ['participant'],
    });
    await registerCandidate(deps.db, deps, actor, DEMO_PROGRAMME_SLUG, {
      email: extra.email,
      registeredOn: '2023-05-01',
    });
    for (const [course, startedOn, completedOn] of LEGACY) {
      const courseId = await findCourseId(deps.db, deps, course);
      if (courseId)
        await recordLegacyResult(deps.db, deps, actor, {
          userId,
          courseId,
          courseCode: course,
          outcome: 'achievement',
          startedOn,
          completedOn,
          reference: `LEGACY-${course}-${extra.fullName.split(' ')[1]}`,
        });
    }
  }
}

export async function seedDemoCapstones(deps: Deps): Promise<number> {
  if ((await countByState(deps.db)).size > 0) return 0;
  const system = systemActor('seed');
  await extraCandidates(deps, system);
  const id = async (email: string) => (await findPersonIdByEmail(deps.db, deps, email)) ?? null;
  const managerId = await id('manager@example.org');
  const supervisorId = await id('facilitator@example.org');
  const first = await id('assessor@example.org');
  const second = await id('ngozi.okafor@example.org');
  if (!managerId || !supervisorId || !first || !second) return 0;
  const assessors = [first, second];
  const manager = await as(deps, managerId);
  await setSupervisorLoad(deps.db, deps, manager, { personId: supervisorId, maxLoad: 8 });
  await seedCapstoneRubric(deps, manager, DEMO_PROGRAMME_SLUG);
  const today = deps.clock.now().toISOString().slice(0, 10);
  const addMonths = (months: number) => {
    const d = new Date(`${today}T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() + months);
    return d.toISOString().slice(0, 10);
  };
  let made = 0;
  for (const demo of DEMO) {
    const userId = await id(demo.email);
    if (!userId) continue;
    const candidate = await as(deps, userId);
    const [standing] = await candidateStandings(deps.db, userId, today);
    if (!standing) continue;
    const final = standing.deadline && standing.deadline < addMonths(5) ? standing.deadline : addMonths(5);
    const proposal = {
      title: demo.title,
      country: demo.country,
      policyQuestion: demo.question,
      themes: demo.themes,
      language: demo.language,
      // Inside the window: the final date no later than its end.
      finalDue: final,
      draftDue: [addMonths(3), final].sort()[0],
      outlineDue: [addMonths(1), final].sort()[0],
      ...Object.fromEntries(
        standing.countedCourses.map((code) => [
          `approach.${code}`,
          `The analytical approach of ${code} applied to ${demo.country}.`,
        ]),
      ),
    };
    const { id: capstoneId } = await saveProposal(deps.db, deps, candidate, proposal);
    made++;
    if (demo.target === 'draft' || !standing.unlocked) continue;
    await submitProposal(deps.db, deps, candidate, capstoneId);
    if (demo.target === 'proposed') continue;
    if (demo.target === 'returned' || demo.target === 'rejected') {
      await decideProposal(deps.db, deps, manager, capstoneId, {
        decision: demo.target === 'returned' ? 'return' : 'reject',
        comment:
          demo.target === 'returned'
            ? 'Narrow the question to one policy area and name the approach of each course.'
            : 'The proposal does not address a country-specific policy question.',
      });
      continue;
    }
    await decideProposal(deps.db, deps, manager, capstoneId, { decision: 'approve' });
    await assignSupervisor(deps.db, deps, manager, capstoneId, { supervisorId });
    const supervisor = await as(deps, supervisorId);
    await postMessage(deps.db, deps, candidate, capstoneId, {
      body: 'Here is my outline: could we discuss the second section?',
    });
    await postMessage(deps.db, deps, supervisor, capstoneId, {
      body: 'Good start. Tie the recommendations to the ILO conventions you cite.',
    });
    await addDraft(
      deps.db,
      deps,
      candidate,
      capstoneId,
      { fileName: 'outline.pdf', bytes: demoPdf(demo.title) },
      'Outline',
    );
    if (demo.target === 'approved') continue;
    await uploadFinalDocument(deps.db, deps, candidate, capstoneId, {
      fileName: 'capstone.pdf',
      bytes: demoPdf(demo.title),
    });
    await submitFinal(deps.db, deps, candidate, capstoneId, {
      declared: 'on',
      [`abstract_${demo.language}`]: demo.abstract,
    });
    await allocateAssessors(deps.db, deps, manager, capstoneId, {
      firstMarkerId: assessors[0],
      secondMarkerId: assessors[1],
    });
    if (demo.target === 'submitted') continue;
    const [attempt] = await listAttempts(deps.db, capstoneId);
    const view = await markerViewOf(deps.db, manager, 'capstones', attempt!.id);
    // Each assessor marks every criterion of the programme's rubric, with a comment on each.
    for (const [i, assessor] of assessors.entries())
      await saveMark(
        deps.db,
        deps,
        await as(deps, assessor),
        view!.submissionId,
        demoCapstoneMark(demo.target === 'passed', i),
      );
    await agreeMark(deps.db, deps, manager, view!.submissionId, { mark: '', note: '', feedback: '' });
    await releaseMark(deps.db, deps, manager, view!.submissionId);
    if (demo.target === 'resubmission')
      await recordOutcome(deps.db, deps, manager, capstoneId, {
        outcome: 'require-resubmission',
        resubmissionDue: addMonths(3),
      });
    else if (demo.target === 'failed')
      await recordOutcome(deps.db, deps, manager, capstoneId, { outcome: 'fail' });
    else {
      await recordOutcome(deps.db, deps, manager, capstoneId, { outcome: 'pass' });
      await awardDiploma(deps.db, deps, manager, standing.candidacy.id);
      await setLibraryConsent(deps.db, deps, candidate, capstoneId, {
        consent: 'on',
        licence: 'CC-BY-4.0',
        showAuthor: 'on',
        linkDiploma: 'on',
      });
    }
  }
  return made;
}
