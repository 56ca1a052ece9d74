import { Layout } from './layout.js';
import type { PageContext } from './page-context.js';

/** The translated page for 400/401/403/404/410/429/500 (the message says what to do next). */
export function ErrorPage({
  ctx,
  status,
  message,
  details = [],
}: {
  ctx: PageContext;
  status: number;
  message: string;
  /** What exactly was wrong (a query parameter's problem, each in the reader's language). */
  details?: string[];
}) {
  const { t } = ctx;
  const titleKey = `errorPage.title.${status}`;
  const title = t.has(titleKey) ? t.t(titleKey) : t.t('errorPage.title.generic');
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{message}</p>
      {details.length ? (
        <ul>
          {details.map((detail) => (
            <li>{detail}</li>
          ))}
        </ul>
      ) : null}
      {status === 401 ? (
        <p>
          <a href={`/sign-in?next=${encodeURIComponent(ctx.path)}`}>{t.t('nav.signIn')}</a>
        </p>
      ) : null}
      <p>
        <a href="/">{t.t('errorPage.home')}</a>
      </p>
    </Layout>
  );
}
