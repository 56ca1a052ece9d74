import type { Translator } from '../../../../i18n/i18n.js';
import type { LocalizedText } from '../../../../i18n/localized.js';
import { pickLocalized } from '../../../../i18n/localized.js';
import type { AtRiskItem, PathwayEvaluation, RequirementEvaluation } from '../../rules/evaluation.js';
import { explainReason } from '../../rules/explain.js';

/** Course titles by code, for naming requirements and components. */
export type TitleLookup = ReadonlyMap<string, LocalizedText>;

const title = (t: Translator, titles: TitleLookup, code: string) => {
  const found = titles.get(code);
  return found ? `${pickLocalized(found, t.locale).text} (${code})` : code;
};

/** Whole months from `today` to `date` (negative when past). */
export function monthsUntil(today: string, date: string): number {
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  const [dy, dm, dd] = date.split('-').map(Number) as [number, number, number];
  return (dy - ty) * 12 + (dm - tm) - (dd < td ? 1 : 0);
}

/** The candidate's status in words, as a badge. */
export function StatusBadge({ t, status }: { t: Translator; status: string }) {
  return <span class={`badge status-${status}`}>{t.t(`candidate.status.${status}`)}</span>;
}

function requirementIcon(requirement: RequirementEvaluation, evaluation: PathwayEvaluation): string {
  if (requirement.status === 'met') return 'met';
  if (requirement.kind === 'capstone' && !evaluation.capstoneUnlocked) return 'locked';
  return requirement.status;
}

/** The pathway as a visual checklist: each requirement with what counts for it. */
export function RequirementChecklist({
  t,
  evaluation,
  titles,
  rules,
}: {
  t: Translator;
  evaluation: PathwayEvaluation;
  titles: TitleLookup;
  rules: Map<string, string[]>;
}) {
  return (
    <ol class="checklist">
      {evaluation.requirements.map((requirement) => {
        const state = requirementIcon(requirement, evaluation);
        return (
          <li class={`requirement ${state}`}>
            <span class="mark" aria-hidden="true" />
            <div>
              <strong>{requirementLabel(t, requirement, titles, rules)}</strong>{' '}
              <span class="state">{t.t(`requirement.state.${state}`)}</span>
              {requirement.kind !== 'capstone' ? (
                <>
                  {requirement.kind === 'choose' ? (
                    <p>
                      {t.t('requirement.progress', { have: requirement.have, needed: requirement.needed })}
                    </p>
                  ) : null}
                  {requirement.components.length ? (
                    <ul>
                      {requirement.components.map((c) => (
                        <li>
                          {title(t, titles, c.course)}
                          {c.course !== c.countsAs
                            ? ` — ${t.t('requirement.countsAs', { code: c.countsAs })}`
                            : ''}{' '}
                          · {t.t('requirement.completedOn', { date: t.date(c.completed) })}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                  {requirement.enrolled.length ? (
                    <p>
                      {t.t('requirement.enrolledIn', {
                        courses: requirement.enrolled.map((c) => title(t, titles, c)).join(', '),
                      })}
                    </p>
                  ) : null}
                </>
              ) : requirement.completed ? (
                <p>{t.t('requirement.completedOn', { date: t.date(requirement.completed) })}</p>
              ) : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}

function requirementLabel(
  t: Translator,
  requirement: RequirementEvaluation,
  titles: TitleLookup,
  rules: Map<string, string[]>,
): string {
  return requirementName(t, requirement, rules.get(requirement.id) ?? [], titles);
}

/** A requirement's name in the reader's language: the capstone, "3 elective courses", or its courses' titles. */
export function requirementName(
  t: Translator,
  requirement: { id: string; kind: string; needed: number },
  courses: readonly string[],
  titles: TitleLookup,
): string {
  if (requirement.kind === 'capstone') return t.t('requirement.capstone');
  if (requirement.kind === 'choose') return t.t('requirement.choose', { count: requirement.needed });
  return courses.map((c) => title(t, titles, c)).join(', ') || requirement.id;
}

/** Window, deadline, time left and learning hours. */
export function StandingFacts({
  t,
  evaluation,
  today,
}: {
  t: Translator;
  evaluation: PathwayEvaluation;
  today: string;
}) {
  const { window } = evaluation;
  const left = window.deadline ? monthsUntil(today, window.deadline) : null;
  return (
    <dl class="facts">
      <dt>{t.t('standing.window')}</dt>
      <dd>
        {window.start && window.deadline
          ? t.t('edition.dateRange', { start: t.date(window.start), end: t.date(window.deadline) })
          : t.t('standing.noWindow', { years: window.years })}
      </dd>
      {left !== null ? (
        <>
          <dt>{t.t('standing.timeLeft')}</dt>
          <dd>{left >= 0 ? t.t('standing.monthsLeft', { months: left }) : t.t('standing.deadlinePassed')}</dd>
        </>
      ) : null}
      {evaluation.extensionsMonths > 0 ? (
        <>
          <dt>{t.t('standing.extensions')}</dt>
          <dd>{t.t('standing.extensionMonths', { months: evaluation.extensionsMonths })}</dd>
        </>
      ) : null}
      <dt>{t.t('standing.hours')}</dt>
      <dd>{t.t('standing.hoursOf', { counted: evaluation.hours.counted, total: evaluation.hours.total })}</dd>
    </dl>
  );
}

function riskText(t: Translator, item: AtRiskItem, titles: TitleLookup): string {
  switch (item.kind) {
    case 'achievement-expiring':
      return t.t('risk.achievementExpiring', {
        course: title(t, titles, item.course),
        date: t.date(item.date, 'long'),
      });
    case 'deadline-soon':
      return t.t('risk.deadlineSoon', { date: t.date(item.deadline, 'long'), count: item.missing.length });
    case 'enrolment-after-deadline':
      return t.t('risk.enrolmentAfterDeadline', {
        course: title(t, titles, item.course),
        date: t.date(item.deadline, 'long'),
      });
  }
}

/** A line another module adds to what is at risk (a capstone's milestone), already in the reader's language. */
export interface MoreRisk {
  text: string;
  /** The page that says more (the capstone's). */
  href: string;
}

/** What is at risk, most urgent first, then what other modules add (`more`). */
export function AtRiskList({
  t,
  items,
  titles,
  more = [],
}: {
  t: Translator;
  items: AtRiskItem[];
  titles: TitleLookup;
  more?: readonly MoreRisk[];
}) {
  if (items.length === 0 && more.length === 0) return null;
  return (
    <div class="notice risk" role="note">
      <h3>{t.t('risk.title')}</h3>
      <ul>
        {items.map((item) => (
          <li>{riskText(t, item, titles)}</li>
        ))}
        {more.map((line) => (
          <li>
            <a href={line.href}>{line.text}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** "Why not yet": the engine's reasons, one per line, in the reader's language. */
export function WhyNotYet({ t, evaluation }: { t: Translator; evaluation: PathwayEvaluation }) {
  return (
    <ul class="reasons">
      {evaluation.reasons.map((reason) => (
        <li>{explainReason(reason, t.locale)}</li>
      ))}
    </ul>
  );
}
