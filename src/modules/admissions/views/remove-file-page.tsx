import { Csrf } from '../../../web/components.js';
import { Layout } from '../../../web/layout.js';
import type { PageContext } from '../../../web/page-context.js';
import type { ApplicationDetails } from '../get-application.js';

/** "Remove this document?": the step before a document is deleted (a page, so that it works without script). */
export function RemoveFilePage({
  ctx,
  details,
  kind,
}: {
  ctx: PageContext;
  details: ApplicationDetails;
  kind: string;
}) {
  const { t } = ctx;
  const { application } = details;
  const file = application.files.find((f) => f.kind === kind);
  const documents = `/my/applications/${application.id}/steps/documents`;
  const title = t.t('admissions.removeFile.title');
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      {file ? (
        <p>
          {t.t('admissions.removeFile.which', {
            document: t.t(`admissions.documents.${kind}`),
            name: file.originalName,
          })}
        </p>
      ) : null}
      <p>{t.t('admissions.removeFile.warning')}</p>
      <form method="post" action={`/my/applications/${application.id}/files/${kind}/delete`} class="actions">
        <Csrf token={ctx.csrf} />
        <button type="submit">{t.t('admissions.removeFile.confirm')}</button>
        <a class="button secondary" href={documents}>
          {t.t('admissions.removeFile.cancel')}
        </a>
      </form>
    </Layout>
  );
}
