import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../deps.js';
import { setFlash } from '../../http/context.js';
import { csrfProtected, echoValues, type FormBody, formBody } from '../../http/forms.js';
import { AppError, isAppError } from '../../kernel/errors.js';
import { type FieldMessages, fieldMessages, pageContext } from '../../web/page-context.js';
import { sendPage } from '../../web/render.js';
import { copySpace } from './copy-space.js';
import { builderItem, builderSection, getBuilder, kindSettingsChoices } from './get-builder.js';
import { FILE_MAX_BYTES } from './kinds/file-kind.js';
import { moveInSpace } from './move-in-space.js';
import { removeFromSpace } from './remove-from-space.js';
import { saveFileItem, type UploadedItemFile } from './save-file-item.js';
import { saveItem } from './save-item.js';
import { saveSection } from './save-section.js';
import { itemFromForm, sectionFromForm } from './spaces.schemas.js';
import { BuilderPage } from './views/builder-page.js';
import { ItemFormPage } from './views/item-form-page.js';
import { SectionFormPage } from './views/section-form-page.js';

type EditionParams = { Params: { editionId: string } };
type SectionParams = { Params: { editionId: string; sectionId: string } };
type ItemParams = { Params: { editionId: string; itemId: string } };
type NewItemQuery = { Params: { editionId: string }; Querystring: { section?: string; kind?: string } };

const uploads = new WeakMap<FastifyRequest, UploadedItemFile>();

/** Reads a file item's multipart form (before the CSRF check, which then finds `_csrf` in the fields). */
async function readItemUpload(request: FastifyRequest): Promise<void> {
  if (!request.isMultipart()) return;
  const fields: Record<string, string> = {};
  try {
    for await (const part of request.parts({
      limits: { fileSize: FILE_MAX_BYTES, files: 1, fields: 30, parts: 32, fieldSize: 8192 },
    })) {
      if (part.type === 'field') fields[part.fieldname] = String(part.value);
      else {
        const bytes = await part.toBuffer();
        if (part.fieldname === 'file' && part.filename && bytes.length)
          uploads.set(request, { fileName: part.filename, bytes });
      }
    }
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    throw new AppError(/LIMIT|TOO_LARGE/.test(code) ? 'payload_too_large' : 'bad_request');
  }
  request.body = fields;
}

/** Runs a builder form: refusals naming fields re-render the form with its status; others go to the handler. */
async function runForm(
  request: FastifyRequest,
  run: () => Promise<FastifyReply>,
  refused: (errors: FieldMessages, status: number) => Promise<FastifyReply>,
): Promise<FastifyReply> {
  try {
    return await run();
  } catch (error) {
    if ((isAppError(error, 'validation_failed') || isAppError(error, 'invalid_state')) && error.fields.length)
      return refused(fieldMessages(request.i18n, error.fields), error.status);
    throw error;
  }
}

/** The builder's pages and forms (facilitators of the edition and managers). */
export function builderWebRoutes(app: FastifyInstance, deps: Deps): void {
  const base = (editionId: string) => `/spaces/${editionId}/build`;
  const showBuilder = async (
    request: FastifyRequest<EditionParams>,
    reply: FastifyReply,
    status = 200,
    extra: { values?: Record<string, string>; errors?: FieldMessages } = {},
  ) => {
    const builder = await getBuilder(deps.db, deps, request.actor, request.params.editionId);
    return sendPage(
      reply,
      <BuilderPage ctx={pageContext(request, reply)} builder={builder} {...extra} />,
      status,
    );
  };
  const back = (reply: FastifyReply, editionId: string, flash: string) => {
    setFlash(reply, flash);
    return reply.redirect(base(editionId), 303);
  };

  app.get<EditionParams>('/spaces/:editionId/build', { schema: { hide: true } }, (request, reply) =>
    showBuilder(request, reply),
  );

  app.post<EditionParams>('/spaces/:editionId/build/sections', csrfProtected(app), async (request, reply) => {
    const body = formBody(request);
    return runForm(
      request,
      async () => {
        await saveSection(
          deps.db,
          deps,
          request.actor,
          request.params.editionId,
          null,
          sectionFromForm(body),
        );
        return back(reply, request.params.editionId, 'spaces.flash.saved');
      },
      (errors, status) => showBuilder(request, reply, status, { values: echoValues(body), errors }),
    );
  });

  const showSection = async (
    request: FastifyRequest<SectionParams>,
    reply: FastifyReply,
    status = 200,
    extra: { values?: Record<string, string>; errors?: FieldMessages } = {},
  ) => {
    const builder = await getBuilder(deps.db, deps, request.actor, request.params.editionId);
    const section = builderSection(builder, request.params.sectionId);
    return sendPage(
      reply,
      <SectionFormPage ctx={pageContext(request, reply)} builder={builder} section={section} {...extra} />,
      status,
    );
  };

  app.get<SectionParams>(
    '/spaces/:editionId/build/sections/:sectionId',
    { schema: { hide: true } },
    (request, reply) => showSection(request, reply),
  );

  app.post<SectionParams>(
    '/spaces/:editionId/build/sections/:sectionId',
    csrfProtected(app),
    async (request, reply) => {
      const body = formBody(request);
      const { editionId, sectionId } = request.params;
      return runForm(
        request,
        async () => {
          await saveSection(deps.db, deps, request.actor, editionId, sectionId, sectionFromForm(body));
          return back(reply, editionId, 'spaces.flash.saved');
        },
        (errors, status) => showSection(request, reply, status, { values: echoValues(body), errors }),
      );
    },
  );

  for (const what of ['sections', 'items'] as const) {
    const param = what === 'sections' ? 'sectionId' : 'itemId';
    const target = (id: string) => (what === 'sections' ? { section: id } : { item: id });
    app.post<{ Params: { editionId: string } & Record<string, string> }>(
      `/spaces/:editionId/build/${what}/:${param}/move`,
      csrfProtected(app),
      async (request, reply) => {
        const { editionId } = request.params;
        await moveInSpace(
          deps.db,
          deps,
          request.actor,
          editionId,
          target(request.params[param] ?? ''),
          formBody(request),
        );
        return reply.redirect(base(editionId), 303);
      },
    );
    app.post<{ Params: { editionId: string } & Record<string, string> }>(
      `/spaces/:editionId/build/${what}/:${param}/remove`,
      csrfProtected(app),
      async (request, reply) => {
        const { editionId } = request.params;
        return runForm(
          request,
          async () => {
            await removeFromSpace(
              deps.db,
              deps,
              request.actor,
              editionId,
              target(request.params[param] ?? ''),
            );
            return back(reply, editionId, 'spaces.flash.removed');
          },
          (errors, status) => showBuilder(request, reply, status, { errors }),
        );
      },
    );
  }

  app.post<EditionParams>('/spaces/:editionId/build/copy', csrfProtected(app), async (request, reply) => {
    const body = formBody(request);
    return runForm(
      request,
      async () => {
        await copySpace(deps.db, deps, request.actor, request.params.editionId, body);
        return back(reply, request.params.editionId, 'spaces.flash.copied');
      },
      (errors, status) => showBuilder(request, reply, status, { values: echoValues(body), errors }),
    );
  });

  itemRoutes(app, deps, runForm);
}

function itemRoutes(app: FastifyInstance, deps: Deps, run: typeof runForm): void {
  const showItemForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    editionId: string,
    target: { itemId: string } | { kind: string; sectionId: string },
    status = 200,
    extra: { values?: Record<string, string>; errors?: FieldMessages } = {},
  ) => {
    const builder = await getBuilder(deps.db, deps, request.actor, editionId);
    const item = 'itemId' in target ? builderItem(builder, target.itemId) : null;
    const kindCode = item?.kind ?? ('kind' in target ? target.kind : '');
    const kind = builder.kinds.find((k) => k.kind === kindCode);
    const sectionId = item?.sectionId ?? ('sectionId' in target ? target.sectionId : '');
    if (!kind || !builder.sections.some((s) => s.id === sectionId)) throw new AppError('not_found');
    return sendPage(
      reply,
      <ItemFormPage
        ctx={pageContext(request, reply)}
        builder={builder}
        kind={kind}
        item={item}
        sectionId={sectionId}
        choices={await kindSettingsChoices(deps.db, deps, builder, kind)}
        {...extra}
      />,
      status,
    );
  };

  app.get<NewItemQuery>('/spaces/:editionId/build/items/new', { schema: { hide: true } }, (request, reply) =>
    showItemForm(request, reply, request.params.editionId, {
      kind: String(request.query.kind ?? ''),
      sectionId: String(request.query.section ?? ''),
    }),
  );

  app.get<ItemParams>(
    '/spaces/:editionId/build/items/:itemId',
    { schema: { hide: true } },
    (request, reply) =>
      showItemForm(request, reply, request.params.editionId, { itemId: request.params.itemId }),
  );

  const save = async (
    request: FastifyRequest<ItemParams | EditionParams>,
    reply: FastifyReply,
    itemId: string | null,
  ) => {
    const { editionId } = request.params;
    const body: FormBody = formBody(request);
    const input = itemFromForm(body);
    const kind = String(body.kind ?? '');
    return run(
      request,
      async () => {
        const saved =
          kind === 'file'
            ? await saveFileItem(
                deps.db,
                deps,
                request.actor,
                editionId,
                itemId,
                input,
                uploads.get(request) ?? null,
              )
            : await saveItem(deps.db, deps, request.actor, editionId, itemId, input);
        setFlash(reply, 'spaces.flash.saved');
        return reply.redirect(`/spaces/${editionId}/items/${saved.id}`, 303);
      },
      (errors, status) =>
        showItemForm(
          request,
          reply,
          editionId,
          itemId ? { itemId } : { kind, sectionId: String(body.sectionId ?? '') },
          status,
          { values: echoValues(body), errors },
        ),
    );
  };
  const uploadForm = { preValidation: [readItemUpload, app.csrfProtection], schema: { hide: true } };
  app.post<EditionParams>('/spaces/:editionId/build/items', uploadForm, (request, reply) =>
    save(request, reply, null),
  );
  app.post<ItemParams>('/spaces/:editionId/build/items/:itemId', uploadForm, (request, reply) =>
    save(request, reply, request.params.itemId),
  );
}
