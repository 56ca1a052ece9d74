/**
 * A role-play item's body on its page: the scenario, the reader's own role with its private brief, the
 * phases, every role's public brief and holders (private briefs only where the read model kept them), the
 * negotiated outcome document with its history and edit form, the debrief.
 */

import { renderToString } from 'preact-render-to-string';
import type { Translator } from '../../../i18n/i18n.js';
import { type LocalizedText, pickLocalized } from '../../../i18n/localized.js';
import { MarkdownBlock } from '../../../web/markdown.js';
import { Moment } from '../../../web/moment.js';
import { KeptHtml } from '../../../web/render.js';
import { renderedOnce } from '../../../web/rendered-once.js';
import type { RoleplayView, RoleView } from '../get-roleplay.js';

interface Props {
  t: Translator;
  view: RoleplayView;
  timeZone: string;
}

function Text({ t, text }: { t: Translator; text: LocalizedText }) {
  const picked = pickLocalized(text, t.locale);
  if (!picked.text) return null;
  return <MarkdownBlock source={picked.text} lang={picked.isFallback ? picked.lang : undefined} />;
}

const name = (t: Translator, role: RoleView) => pickLocalized(role.name, t.locale).text;

function RoleCard({ t, role }: { t: Translator; role: RoleView }) {
  return (
    <article class="card roleplay-role" id={`role-${role.id}`}>
      <h3>
        {name(t, role)} {role.mine ? <small class="badge">{t.t('roleplays.item.yours')}</small> : null}
      </h3>
      {role.constituency ? <p class="hint">{t.t(`constituency.${role.constituency}`)}</p> : null}
      <Text t={t} text={role.publicBrief} />
      <p>
        <strong>{t.t('roleplays.item.holders')}</strong>{' '}
        {role.holders.length
          ? role.holders.map((h) => h.fullName).join(', ')
          : t.t('roleplays.item.noHolder')}
      </p>
      {role.privateBrief && !role.mine ? (
        <details>
          <summary>{t.t('roleplays.item.privateBriefOf', { role: name(t, role) })}</summary>
          <Text t={t} text={role.privateBrief} />
        </details>
      ) : null}
    </article>
  );
}

function OutcomePart({ t, view, timeZone }: Props) {
  const { outcome } = view;
  const roleName = (id: string | null) => {
    const role = view.roles.find((r) => r.id === id);
    return role ? name(t, role) : null;
  };
  return (
    <section aria-labelledby="outcome-heading">
      <h2 id="outcome-heading">{t.t('roleplays.outcome.title')}</h2>
      {outcome.version === 0 ? (
        <p>{t.t('roleplays.outcome.empty')}</p>
      ) : (
        <>
          <MarkdownBlock source={outcome.body} />
          <p class="hint">
            {t.t('roleplays.outcome.version', {
              version: outcome.version,
              by: outcome.by ?? '—',
              role: roleName(outcome.roleId) ?? '—',
            })}{' '}
            {outcome.at ? <Moment t={t} iso={outcome.at} timeZone={timeZone} /> : null}
          </p>
        </>
      )}
      {view.can.editOutcome ? (
        <p>
          <a class="button" href={`/roleplays/${view.item.id}/outcome`}>
            {t.t('roleplays.outcome.edit')}
          </a>
        </p>
      ) : null}
      {view.history.length > 1 ? (
        <details>
          <summary>{t.t('roleplays.outcome.history', { count: view.history.length })}</summary>
          <ol reversed>
            {view.history.map((v) => (
              <li>
                {t.t('roleplays.outcome.version', {
                  version: v.version,
                  by: v.by ?? '—',
                  role: roleName(v.roleId) ?? '—',
                })}{' '}
                <Moment t={t} iso={v.at} timeZone={timeZone} />
                <pre class="outcome-version">{v.body}</pre>
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </section>
  );
}

/**
 * Every role's card, rendered once per kept content and what decides it (the language, the roles the
 * reader holds, whether they read every private brief): the same for every reader in the same standing.
 */
function rolesHtml(t: Translator, view: RoleplayView): string {
  const mine = view.roles.flatMap((r) => (r.mine ? [r.id] : [])).join(',');
  return renderedOnce(view.source, `roles|${t.locale}|${view.can.readEveryBrief}|${mine}`, () =>
    renderToString(
      <section aria-labelledby="roles-heading">
        <h2 id="roles-heading">{t.t('roleplays.item.roles')}</h2>
        {view.roles.length === 0 ? <p>{t.t('roleplays.item.noRoles')}</p> : null}
        {view.roles.map((role) => (
          <RoleCard t={t} role={role} />
        ))}
      </section>,
    ),
  );
}

export function RoleplayBody(props: Props) {
  const { t, view, timeZone } = props;
  const mine = view.roles.filter((r) => r.mine);
  return (
    <div class="roleplay">
      {view.can.manage ? (
        <p>
          <a class="button secondary" href={`/roleplays/${view.item.id}/manage`}>
            {t.t('roleplays.item.manage')}
          </a>
        </p>
      ) : null}
      <Text t={t} text={view.scenario} />
      {view.revealedAt ? <p class="notice">{t.t('roleplays.item.revealed')}</p> : null}
      {mine.map((role) => (
        <section class="card roleplay-mine" aria-labelledby={`mine-${role.id}`}>
          <h2 id={`mine-${role.id}`}>{t.t('roleplays.item.yourRole', { role: name(t, role) })}</h2>
          <h3>{t.t('roleplays.item.privateBrief')}</h3>
          {role.privateBrief ? <Text t={t} text={role.privateBrief} /> : null}
        </section>
      ))}
      {view.phases.length ? (
        <section aria-labelledby="phases-heading">
          <h2 id="phases-heading">{t.t('roleplays.item.phases')}</h2>
          <ol>
            {view.phases.map((phase) => (
              <li>
                <strong>{pickLocalized(phase.title, t.locale).text}</strong> —{' '}
                <Moment t={t} iso={phase.startsAt} timeZone={timeZone} /> –{' '}
                <Moment t={t} iso={phase.endsAt} timeZone={timeZone} /> (
                {t.t(`roleplays.phase.${phase.state}`)})
                {phase.forumId ? (
                  <>
                    {' '}
                    <a href={`/roleplays/${view.item.id}/phases/${phase.id}`}>
                      {t.t('roleplays.item.discussion')}
                    </a>
                  </>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      <KeptHtml html={rolesHtml(t, view)} />
      <OutcomePart {...props} />
      {view.debrief ? (
        <section aria-labelledby="debrief-heading">
          <h2 id="debrief-heading">{t.t('roleplays.item.debrief')}</h2>
          {view.debrief.publishedAt ? null : <p class="notice">{t.t('roleplays.item.debriefDraft')}</p>}
          <Text t={t} text={view.debrief.text} />
        </section>
      ) : null}
    </div>
  );
}
