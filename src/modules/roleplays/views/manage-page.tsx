/** The staff page of a role-play: scenario, roles and briefs, who holds them, phases, debrief, reveal. */
import type { Translator } from '../../../i18n/i18n.js';
import { pickLocalized } from '../../../i18n/localized.js';
import {
  Csrf,
  ErrorSummary,
  LocalizedFields,
  localizedValues,
  SelectField,
} from '../../../web/components.js';
import { DatedFields, LocalizedTexts } from '../../../web/dated-fields.js';
import { Layout } from '../../../web/layout.js';
import { Moment } from '../../../web/moment.js';
import type { FieldMessages, PageContext } from '../../../web/page-context.js';
import { CONSTITUENCIES } from '../../identity/identity.schemas.js';
import type { RoleView } from '../get-roleplay.js';
import type { RoleplayManagement } from '../manage/get-roleplay-management.js';
import { ASSIGNMENT_MODES } from '../manage/role-assignment.js';
import { BRIEF_MAX, DEBRIEF_MAX, PHASE_TITLE_MAX, ROLE_NAME_MAX, SCENARIO_MAX } from '../roleplay.js';

interface Props {
  ctx: PageContext;
  page: RoleplayManagement;
  errors?: FieldMessages;
  /** Values typed before a refused save, and which form they belong to. */
  values?: Record<string, string>;
  form?: string;
}

function RoleFields({
  t,
  values,
  errors,
}: {
  t: Translator;
  values: Record<string, string>;
  errors: FieldMessages;
}) {
  return (
    <>
      <LocalizedFields
        t={t}
        name="name"
        legend={t.t('roleplays.manage.roleName')}
        values={values}
        errors={errors}
        maxLength={ROLE_NAME_MAX}
      />
      <SelectField
        name="constituency"
        label={t.t('roleplays.manage.constituency')}
        hint={t.t('roleplays.manage.constituencyHint')}
        value={values.constituency ?? ''}
        empty={t.t('roleplays.manage.noConstituency')}
        options={CONSTITUENCIES.map((c) => ({ value: c, label: t.t(`constituency.${c}`) }))}
        errors={errors}
      />
      <LocalizedTexts
        t={t}
        texts={[
          {
            name: 'publicBrief',
            legend: t.t('roleplays.manage.publicBrief'),
            maxLength: BRIEF_MAX,
            multiline: true,
          },
          {
            name: 'privateBrief',
            legend: t.t('roleplays.manage.privateBrief'),
            hint: t.t('roleplays.manage.privateBriefHint'),
            maxLength: BRIEF_MAX,
            multiline: true,
          },
        ]}
        values={values}
        errors={errors}
      />
    </>
  );
}

const roleValues = (role: RoleView): Record<string, string> => ({
  ...localizedValues('name', role.name),
  ...localizedValues('publicBrief', role.publicBrief),
  ...localizedValues('privateBrief', role.privateBrief ?? {}),
  constituency: role.constituency ?? '',
});

export function ManagePage({ ctx, page, errors = {}, values = {}, form }: Props) {
  const { t } = ctx;
  const { view } = page;
  const title = pickLocalized(view.item.title, ctx.locale).text;
  const base = `/roleplays/${view.item.id}`;
  const own = (name: string) => (form === name ? values : null);
  const heading = t.t('roleplays.manage.title', { title });
  return (
    <Layout ctx={ctx} title={heading}>
      <p class="breadcrumb">
        <a href={`/spaces/${view.item.editionId}/items/${view.item.id}`}>{title}</a>
      </p>
      <h1>{heading}</h1>
      <ErrorSummary t={t} errors={errors} />
      <section aria-labelledby="scenario-heading">
        <h2 id="scenario-heading">{t.t('roleplays.manage.scenario')}</h2>
        <form method="post" action={`${base}/settings`}>
          <Csrf token={ctx.csrf} />
          <LocalizedFields
            t={t}
            name="scenario"
            legend={t.t('roleplays.manage.scenarioText')}
            values={own('settings') ?? localizedValues('scenario', view.scenario)}
            errors={errors}
            multiline
            maxLength={SCENARIO_MAX}
          />
          <p>
            <input
              type="checkbox"
              id="field-allowOwn"
              name="allowOwnConstituency"
              value="on"
              checked={view.allowOwnConstituency}
            />{' '}
            <label for="field-allowOwn">{t.t('roleplays.manage.allowOwn')}</label>
          </p>
          <button type="submit">{t.t('roleplays.manage.save')}</button>
        </form>
      </section>
      <section aria-labelledby="roles-heading">
        <h2 id="roles-heading">{t.t('roleplays.manage.roles')}</h2>
        {view.roles.map((role) => (
          <details class="card" id={`role-${role.id}`} open={form === `role-${role.id}`}>
            <summary>{pickLocalized(role.name, ctx.locale).text}</summary>
            <form method="post" action={`${base}/roles/${role.id}`}>
              <Csrf token={ctx.csrf} />
              <RoleFields
                t={t}
                values={own(`role-${role.id}`) ?? roleValues(role)}
                errors={form === `role-${role.id}` ? errors : {}}
              />
              <button type="submit">{t.t('roleplays.manage.save')}</button>
            </form>
            <form method="post" action={`${base}/roles/${role.id}/remove`}>
              <Csrf token={ctx.csrf} />
              <button type="submit" class="secondary">
                {t.t('roleplays.manage.removeRole')}
              </button>
            </form>
          </details>
        ))}
        <details class="card" open={form === 'role-new' || view.roles.length === 0}>
          <summary>{t.t('roleplays.manage.addRole')}</summary>
          <form method="post" action={`${base}/roles`}>
            <Csrf token={ctx.csrf} />
            <RoleFields t={t} values={own('role-new') ?? {}} errors={form === 'role-new' ? errors : {}} />
            <button type="submit">{t.t('roleplays.manage.addRole')}</button>
          </form>
        </details>
      </section>
      {view.roles.length ? <HoldersPart {...{ ctx, page, base }} /> : null}
      <PhasesPart
        ctx={ctx}
        page={page}
        base={base}
        values={own('phase') ?? {}}
        errors={form === 'phase' ? errors : {}}
      />
      <section aria-labelledby="debrief-heading">
        <h2 id="debrief-heading">{t.t('roleplays.manage.debrief')}</h2>
        <form method="post" action={`${base}/debrief`}>
          <Csrf token={ctx.csrf} />
          <LocalizedFields
            t={t}
            name="debrief"
            legend={t.t('roleplays.manage.debriefText')}
            values={own('debrief') ?? localizedValues('debrief', view.debrief?.text ?? {})}
            errors={errors}
            multiline
            maxLength={DEBRIEF_MAX}
          />
          <p>
            <input
              type="checkbox"
              id="field-publish"
              name="publish"
              value="on"
              checked={Boolean(view.debrief?.publishedAt)}
            />{' '}
            <label for="field-publish">{t.t('roleplays.manage.publish')}</label>
          </p>
          <button type="submit">{t.t('roleplays.manage.save')}</button>
        </form>
      </section>
      <section aria-labelledby="reveal-heading">
        <h2 id="reveal-heading">{t.t('roleplays.manage.reveal')}</h2>
        {view.revealedAt ? (
          <p>{t.t('roleplays.item.revealed')}</p>
        ) : (
          <form method="post" action={`${base}/reveal`}>
            <Csrf token={ctx.csrf} />
            <p class="hint">{t.t('roleplays.manage.revealHint')}</p>
            <button type="submit">{t.t('roleplays.manage.revealButton')}</button>
          </form>
        )}
      </section>
    </Layout>
  );
}

function HoldersPart({ ctx, page, base }: { ctx: PageContext; page: RoleplayManagement; base: string }) {
  const { t } = ctx;
  const { view } = page;
  return (
    <section aria-labelledby="holders-heading">
      <h2 id="holders-heading">{t.t('roleplays.manage.holders')}</h2>
      {page.participants.length === 0 ? <p>{t.t('roleplays.manage.noParticipants')}</p> : null}
      <form method="post" action={`${base}/assign`}>
        <Csrf token={ctx.csrf} />
        <fieldset>
          <legend>{t.t('roleplays.manage.automatic')}</legend>
          {ASSIGNMENT_MODES.map((mode, i) => (
            <p>
              <input type="radio" id={`mode-${mode}`} name="mode" value={mode} checked={i === 1} />{' '}
              <label for={`mode-${mode}`}>{t.t(`roleplays.mode.${mode}`)}</label>
            </p>
          ))}
        </fieldset>
        {page.groupSets.length ? (
          <SelectField
            name="groupSetId"
            label={t.t('roleplays.manage.groupSet')}
            hint={t.t('roleplays.manage.groupSetHint')}
            value=""
            empty={t.t('roleplays.manage.noGroupSet')}
            options={page.groupSets.map((s) => ({
              value: s.id,
              label: t.t('roleplays.manage.groupSetOption', { name: s.name, count: s.groups }),
            }))}
          />
        ) : null}
        <button type="submit">{t.t('roleplays.manage.assign')}</button>
      </form>
      <form method="post" action={`${base}/holders`}>
        <Csrf token={ctx.csrf} />
        <h3>{t.t('roleplays.manage.byHand')}</h3>
        {view.roles.map((role) => (
          <fieldset>
            <legend>{pickLocalized(role.name, ctx.locale).text}</legend>
            {role.groups.length ? (
              <p class="hint">
                {t.t('roleplays.manage.heldByGroups', { groups: role.groups.map((g) => g.name).join(', ') })}
              </p>
            ) : null}
            {page.participants.map((p) => (
              <label class="checkbox">
                <input
                  type="checkbox"
                  name={`holders.${role.id}`}
                  value={p.id}
                  checked={role.holders.some((h) => h.id === p.id)}
                />{' '}
                {p.fullName}
                {p.constituency ? <small> ({t.t(`constituency.${p.constituency}`)})</small> : null}
              </label>
            ))}
          </fieldset>
        ))}
        <button type="submit">{t.t('roleplays.manage.saveHolders')}</button>
      </form>
    </section>
  );
}

function PhasesPart({
  ctx,
  page,
  base,
  values,
  errors,
}: {
  ctx: PageContext;
  page: RoleplayManagement;
  base: string;
  values: Record<string, string>;
  errors: FieldMessages;
}) {
  const { t } = ctx;
  return (
    <section aria-labelledby="phases-heading">
      <h2 id="phases-heading">{t.t('roleplays.item.phases')}</h2>
      <ol>
        {page.view.phases.map((phase) => (
          <li>
            <strong>{pickLocalized(phase.title, ctx.locale).text}</strong> —{' '}
            <Moment t={t} iso={phase.startsAt} timeZone={page.timeZone} /> –{' '}
            <Moment t={t} iso={phase.endsAt} timeZone={page.timeZone} />
            <form method="post" action={`${base}/phases/${phase.id}/remove`} class="inline">
              <Csrf token={ctx.csrf} />
              <button type="submit" class="secondary">
                {t.t('roleplays.manage.removePhase')}
              </button>
            </form>
          </li>
        ))}
      </ol>
      <form method="post" action={`${base}/phases`}>
        <Csrf token={ctx.csrf} />
        <h3>{t.t('roleplays.manage.addPhase')}</h3>
        <DatedFields
          t={t}
          texts={[{ name: 'title', legend: t.t('roleplays.manage.phaseTitle'), maxLength: PHASE_TITLE_MAX }]}
          moments={[
            { name: 'startsAt', label: t.t('roleplays.manage.startsAt') },
            { name: 'endsAt', label: t.t('roleplays.manage.endsAt') },
          ]}
          zoneLabel={t.t('roleplays.manage.timeZone')}
          defaultZone={page.timeZone}
          values={values}
          errors={errors}
        />
        <button type="submit">{t.t('roleplays.manage.addPhase')}</button>
      </form>
    </section>
  );
}
