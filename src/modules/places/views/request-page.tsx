import { pickLocalized } from '../../../i18n/localized.js';
import { ErrorSummary } from '../../../web/components.js';
import { Layout } from '../../../web/layout.js';
import type { FieldMessages, PageContext } from '../../../web/page-context.js';
import type { PlaceOffer } from '../offers/get-place-offer.js';
import { PlacePanel } from './place-panel.js';

interface Props {
  ctx: PageContext;
  offer: PlaceOffer;
  values?: Record<string, string>;
  errors?: FieldMessages;
}

/** The page of a request for a place in one edition (the form's page when it has problems). */
export function RequestPlacePage({ ctx, offer, values, errors }: Props) {
  const { t } = ctx;
  const title = t.t('places.request.title', { course: pickLocalized(offer.course.title, ctx.locale).text });
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={`/editions/${offer.edition.id}`}>{t.t('places.backToEdition')}</a>
      </p>
      <h1>{title}</h1>
      {errors ? <ErrorSummary t={t} errors={errors} /> : null}
      <PlacePanel
        t={t}
        locale={ctx.locale}
        offer={offer}
        csrf={ctx.csrf}
        path={ctx.path}
        {...(values ? { values } : {})}
        {...(errors ? { errors } : {})}
      />
    </Layout>
  );
}
