import { Csrf } from '../../../../web/components.js';
import type { PageContext } from '../../../../web/page-context.js';

/** The id of the bulk award form; each row's checkbox belongs to it through `form=` (forms cannot nest). */
const BULK_FORM_ID = 'bulk-award';

/** The ready list's award settings: the programme's automatic award, and where to come back to. */
export interface ReadyListAward {
  programmeSlug: string;
  awardAutomatically: boolean;
  /** The ready list's own address, returned to after a one-click award. */
  returnPath: string;
  /** Why the last bulk award was refused (nothing ticked). */
  problem?: string | undefined;
}

/** The header of the ready list's award column. */
export function AwardHeader({ ctx }: { ctx: PageContext }) {
  return <th scope="col">{ctx.t.t('credential.web.ready.column')}</th>;
}

/** A ready candidate's award cell: a checkbox for the bulk form, and the one-click award. */
export function AwardCell({
  ctx,
  candidacyId,
  name,
  award,
}: {
  ctx: PageContext;
  candidacyId: string;
  name: string;
  award: ReadyListAward;
}) {
  const { t } = ctx;
  return (
    <td class="award-cell">
      <label class="check">
        <input type="checkbox" name="candidacyIds" value={candidacyId} form={BULK_FORM_ID} />
        <span class="visually-hidden">{t.t('credential.web.ready.select', { name })}</span>
      </label>
      <form method="post" action={`/manage/candidates/${candidacyId}/diploma`} class="inline">
        <Csrf token={ctx.csrf} />
        <input type="hidden" name="next" value={award.returnPath} />
        <button type="submit" class="secondary">
          {t.t('credential.web.ready.award')}
          <span class="visually-hidden"> — {name}</span>
        </button>
      </form>
    </td>
  );
}

/** "Award the selected" (the ticked rows) and the programme's automatic award setting. */
export function ReadyListAwardForms({ ctx, award }: { ctx: PageContext; award: ReadyListAward }) {
  const { t } = ctx;
  return (
    <div class="award-forms">
      {award.problem ? (
        <p class="error" role="alert" id="bulk-award-problem">
          {award.problem}
        </p>
      ) : null}
      <form method="post" action="/manage/diplomas" id={BULK_FORM_ID} class="inline-form">
        <Csrf token={ctx.csrf} />
        <input type="hidden" name="programme" value={award.programmeSlug} />
        <input type="hidden" name="next" value={award.returnPath} />
        <button type="submit">{t.t('credential.web.ready.awardSelected')}</button>
        <span class="hint"> {t.t('credential.web.ready.awardSelectedHint')}</span>
      </form>
      <form method="post" action={`/manage/programmes/${award.programmeSlug}/auto-award`} class="inline-form">
        <Csrf token={ctx.csrf} />
        <input type="hidden" name="next" value={award.returnPath} />
        <label class="check">
          <input
            type="checkbox"
            name="awardAutomatically"
            value="on"
            checked={award.awardAutomatically}
            aria-describedby="auto-award-hint"
          />{' '}
          {t.t('credential.web.ready.autoAward')}
        </label>
        <button type="submit" class="secondary">
          {t.t('credential.web.ready.autoAwardSave')}
        </button>
        <p class="hint" id="auto-award-hint">
          {t.t('credential.web.ready.autoAwardHint')}
        </p>
      </form>
    </div>
  );
}
