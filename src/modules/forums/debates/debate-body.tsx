/** A debate's body on its item page: motion, teams, polls, rounds with their contributions, the summary. */
import type { Translator } from '../../../i18n/i18n.js';
import { Csrf } from '../../../web/components.js';
import { MarkdownBlock } from '../../../web/markdown.js';
import { Moment } from '../views/forum-parts.js';
import type { DebateView } from './get-debate-view.js';

interface Props {
  t: Translator;
  view: DebateView;
  csrf: string;
  timeZone: string;
}

function PositionChoice(props: {
  t: Translator;
  view: DebateView;
  name: string;
  checked: string | null;
  prefix: string;
}) {
  return (
    <>
      {props.view.settings.positions.map((p) => (
        <p>
          <input
            type="radio"
            id={`${props.prefix}-${p.id}`}
            name={props.name}
            value={p.id}
            checked={props.checked === p.id}
            required
          />{' '}
          <label for={`${props.prefix}-${p.id}`}>{p.label}</label>
        </p>
      ))}
    </>
  );
}

function Poll({ t, view, csrf, phase }: Omit<Props, 'timeZone'> & { phase: 'before' | 'after' }) {
  const counts = view.poll[phase];
  const label = (id: string) => view.settings.positions.find((p) => p.id === id)?.label ?? id;
  return (
    <section aria-labelledby={`poll-${phase}`}>
      <h3 id={`poll-${phase}`}>{t.t(`forums.debate.poll.${phase}`)}</h3>
      <ul>
        {counts.map((c) => (
          <li>
            {label(c.positionId)}: {t.t('forums.debate.poll.votes', { count: c.count })}
          </li>
        ))}
      </ul>
      {view.can.take && view.pollOpen[phase] ? (
        <form method="post" action={`/debates/${view.itemId}/vote`}>
          <Csrf token={csrf} />
          <input type="hidden" name="phase" value={phase} />
          <fieldset>
            <legend>{t.t('forums.debate.poll.question')}</legend>
            <PositionChoice
              t={t}
              view={view}
              name="positionId"
              checked={view.myVotes[phase]}
              prefix={`vote-${phase}`}
            />
          </fieldset>
          <button type="submit">{t.t('forums.debate.poll.submit')}</button>
        </form>
      ) : null}
    </section>
  );
}

function Teams({ t, view, csrf }: Omit<Props, 'timeZone'>) {
  return (
    <section aria-labelledby="debate-teams">
      <h3 id="debate-teams">{t.t('forums.debate.teams')}</h3>
      <ul>
        {view.teams.map((team) => (
          <li>
            <strong>{team.label}</strong>:{' '}
            {team.members.length ? team.members.join(', ') : t.t('forums.debate.nobody')}
          </li>
        ))}
      </ul>
      {view.can.choose ? (
        <form method="post" action={`/debates/${view.itemId}/team`}>
          <Csrf token={csrf} />
          <fieldset>
            <legend>{t.t('forums.debate.choose')}</legend>
            <PositionChoice t={t} view={view} name="positionId" checked={view.myPosition} prefix="team" />
          </fieldset>
          <button type="submit">{t.t('forums.debate.join')}</button>
        </form>
      ) : null}
      {view.can.run && view.people.length ? (
        <form method="post" action={`/debates/${view.itemId}/teams`}>
          <Csrf token={csrf} />
          <h4>{t.t('forums.debate.assign')}</h4>
          {view.people.map((person) => (
            <p>
              <label for={`team-${person.id}`}>{person.name}</label>{' '}
              <select id={`team-${person.id}`} name={`team.${person.id}`}>
                <option value="">—</option>
                {view.settings.positions.map((p) => (
                  <option value={p.id} selected={person.positionId === p.id}>
                    {p.label}
                  </option>
                ))}
              </select>
            </p>
          ))}
          <button type="submit">{t.t('forums.debate.saveTeams')}</button>
        </form>
      ) : null}
    </section>
  );
}

export function DebateBody({ t, view, csrf, timeZone }: Props) {
  const label = (id: string) => view.settings.positions.find((p) => p.id === id)?.label ?? id;
  const running = view.stage.stage === 'round' ? view.stage.round : null;
  return (
    <div class="debate">
      <p class="motion">
        <strong>{t.t('forums.debate.motion')}</strong> {view.settings.motion}
      </p>
      <Teams t={t} view={view} csrf={csrf} />
      <Poll t={t} view={view} csrf={csrf} phase="before" />
      {view.rounds.map((round) => (
        <section aria-labelledby={`round-${round.id}`}>
          <h3 id={`round-${round.id}`}>
            {t.t(`forums.debate.round.${round.id}`)} —{' '}
            <Moment t={t} iso={round.deadline} timeZone={timeZone} />
          </h3>
          {round.contributions.length === 0 ? <p>{t.t('forums.debate.noContribution')}</p> : null}
          {round.contributions.map((c) => (
            <article class="post">
              <header>
                <strong>{c.author}</strong> · {label(c.positionId)} ·{' '}
                <Moment t={t} iso={c.createdAt} timeZone={timeZone} />
              </header>
              <MarkdownBlock source={c.body} />
            </article>
          ))}
          {running === round.id && view.myPosition ? (
            <form method="post" action={`/debates/${view.itemId}/rounds/${round.id}`}>
              <Csrf token={csrf} />
              <label for={`contribution-${round.id}`}>{t.t('forums.debate.contribute')}</label>
              <textarea id={`contribution-${round.id}`} name="body" rows={6} required />
              <button type="submit">{t.t('forums.debate.send')}</button>
            </form>
          ) : null}
        </section>
      ))}
      {view.stage.stage === 'finished' ? <Poll t={t} view={view} csrf={csrf} phase="after" /> : null}
      <section aria-labelledby="debate-summary">
        <h3 id="debate-summary">{t.t('forums.debate.summary')}</h3>
        {view.summary ? <MarkdownBlock source={view.summary} /> : <p>{t.t('forums.debate.noSummary')}</p>}
        {view.can.run && view.stage.stage === 'finished' ? (
          <form method="post" action={`/debates/${view.itemId}/summary`}>
            <Csrf token={csrf} />
            <label for="summary-text">{t.t('forums.debate.writeSummary')}</label>
            <textarea id="summary-text" name="summary" rows={8} required>
              {view.summary ?? ''}
            </textarea>
            <button type="submit">{t.t('forums.debate.saveSummary')}</button>
          </form>
        ) : null}
      </section>
    </div>
  );
}
