/**
 * The forms of an item kind's own staff page (a case's, a role-play's manage page), for the modules whose
 * items have one: run the use case; field problems (validation or state, naming a field) show the page
 * again with them and what was typed (`form` says which form sent it); success flashes and goes back.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { setFlash } from '../../http/context.js';
import { echoValues, formBody } from '../../http/forms.js';
import { isAppError } from '../../kernel/errors.js';
import { type FieldMessages, fieldMessages } from '../../web/page-context.js';

export interface ItemFormState {
  errors?: FieldMessages;
  values?: Record<string, string>;
  form?: string;
}

/** Builds the form runner of one item page: `show` renders it (with a status and form state), `home` is its path. */
export function itemStaffForms<R extends FastifyRequest<{ Params: { itemId: string } }>>(page: {
  show: (request: R, reply: FastifyReply, status: number, state: ItemFormState) => Promise<unknown>;
  home: (itemId: string) => string;
}) {
  return (form: string | ((request: R) => string), work: (request: R) => Promise<unknown>, flash: string) =>
    async (request: R, reply: FastifyReply) => {
      try {
        await work(request);
      } catch (error) {
        if (
          isAppError(error) &&
          error.fields.length &&
          (error.code === 'validation_failed' || error.code === 'invalid_state')
        )
          return page.show(request, reply, error.status, {
            errors: fieldMessages(request.i18n, error.fields),
            values: echoValues(formBody(request)),
            form: typeof form === 'string' ? form : form(request),
          });
        throw error;
      }
      setFlash(reply, flash);
      return reply.redirect(page.home(request.params.itemId), 303);
    };
}
