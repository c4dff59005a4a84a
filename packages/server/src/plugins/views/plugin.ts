// Saved grid views: GET/POST /api/forms/:form/views, GET/PATCH/DELETE /api/views/:view. Saving a view
// stores it and the indexes its filter and sort need in one transaction; the indexes are built after
// the commit (./index-builds), and each view reports their state.
import {
  deleteView,
  findView,
  indexStates,
  insertView,
  listViews,
  type PublishedForm,
  type SavedView,
  updateView,
  type ViewContent,
  viewIndexLists,
} from "@formwork/db";
import type { FastifyPluginAsync } from "fastify";
import type { ServerConfig } from "../../config";
import type { Db } from "../../database";
import { parseIfMatch } from "../../http/if-match";
import { currentUser } from "../auth/authenticate";
import type { Principal } from "../auth/principal";
import { getForm } from "../forms/forms-store";
import { requireSomeRight } from "../permissions/enforce";
import { recordScope } from "../permissions/scope";
import type { PublishedForms } from "../records/published-forms";
import { cannotChange, cannotShare, viewNotFound } from "./errors";
import type { IndexBuilds } from "./index-builds";
import { createViewBody, formParams, patchViewBody, viewListSchema, viewParams, viewSchema } from "./schemas";
import { canChangeView, canDesignForm, canSeeView, type FormOwnership } from "./view-access";
import { checkedContent, EMPTY_VIEW, type ViewBody } from "./view-content";

export interface ViewsPluginOptions {
  db: Db;
  config: ServerConfig;
  forms: PublishedForms;
  builds: IndexBuilds;
}

function contentOf(view: SavedView): ViewContent {
  return {
    name: view.name,
    shared: view.shared,
    filter: view.filter,
    sort: view.sort,
    columns: view.columns,
    pageSize: view.page_size,
  };
}

export const viewsPlugin: FastifyPluginAsync<ViewsPluginOptions> = async (
  app,
  { db, config, forms, builds },
) => {
  const ownershipOf = async (formId: string): Promise<FormOwnership> => getForm(db, formId);

  const present = async (
    view: SavedView,
    form: PublishedForm,
    principal: Principal,
    owner: FormOwnership,
  ) => ({
    id: view.id,
    formId: view.form_id,
    name: view.name,
    shared: view.shared,
    ownerId: view.owner_id,
    filter: view.filter,
    sort: view.sort,
    columns: view.columns,
    pageSize: view.page_size,
    version: view.version,
    canEdit: canChangeView(principal, view, owner),
    indexes: await indexStates(db, form, viewIndexLists(form, contentOf(view))),
    createdAt: view.created_at.toISOString(),
    updatedAt: view.updated_at.toISOString(),
  });

  /** Fields hidden from the caller may not appear in a view's filter or sort (403 FORBIDDEN_FIELD). */
  const viewAccess = async (principal: Principal, form: PublishedForm) => {
    const scope = await recordScope(db, principal, form, config.timeZone);
    return { forbidden: scope.hiddenFields, params: scope.params };
  };

  /** The view, if the caller may see it (NOT_FOUND otherwise: a personal view's existence is private). */
  const visibleView = async (principal: Principal, id: string) => {
    const view = await findView(db, id);
    if (!view || !canSeeView(principal, view)) throw viewNotFound();
    const form = await forms.get(view.form_id);
    if (!principal.isAdmin) requireSomeRight(await recordScope(db, principal, form, config.timeZone));
    return { view, form, owner: await ownershipOf(view.form_id) };
  };

  app.get<{ Params: { form: string } }>(
    "/api/forms/:form/views",
    { schema: { tags: ["views"], params: formParams, response: { 200: viewListSchema } } },
    async (request) => {
      const principal = currentUser(request);
      const form = await forms.get(request.params.form);
      if (!principal.isAdmin) requireSomeRight(await recordScope(db, principal, form, config.timeZone));
      const owner = await ownershipOf(form.id);
      const views = await listViews(db, form.id, principal.userId);
      return {
        views: await Promise.all(views.map((view) => present(view, form, principal, owner))),
        canShare: canDesignForm(principal, owner),
      };
    },
  );

  app.post<{ Params: { form: string }; Body: ViewBody }>(
    "/api/forms/:form/views",
    {
      schema: {
        tags: ["views"],
        params: formParams,
        body: createViewBody,
        response: { 201: viewSchema },
      },
    },
    async (request, reply) => {
      const principal = currentUser(request);
      const form = await forms.get(request.params.form);
      const owner = await ownershipOf(form.id);
      const content = checkedContent(
        form,
        principal,
        config.timeZone,
        EMPTY_VIEW,
        request.body,
        await viewAccess(principal, form),
      );
      if (content.shared && !canDesignForm(principal, owner)) throw cannotShare();
      const view = await insertView(db, form, principal.userId, content);
      builds.schedule(form.id);
      return reply.status(201).send(await present(view, form, principal, owner));
    },
  );

  app.get<{ Params: { view: string } }>(
    "/api/views/:view",
    { schema: { tags: ["views"], params: viewParams, response: { 200: viewSchema } } },
    async (request) => {
      const principal = currentUser(request);
      const { view, form, owner } = await visibleView(principal, request.params.view);
      return present(view, form, principal, owner);
    },
  );

  app.patch<{ Params: { view: string }; Body: ViewBody }>(
    "/api/views/:view",
    {
      schema: {
        tags: ["views"],
        params: viewParams,
        body: patchViewBody,
        headers: {
          type: "object",
          properties: { "if-match": { type: "string", description: "the view version you read" } },
        },
        response: { 200: viewSchema },
      },
    },
    async (request) => {
      const principal = currentUser(request);
      const { view, form, owner } = await visibleView(principal, request.params.view);
      if (!canChangeView(principal, view, owner)) throw cannotChange();
      const content = checkedContent(
        form,
        principal,
        config.timeZone,
        contentOf(view),
        request.body,
        await viewAccess(principal, form),
      );
      if (content.shared !== view.shared && !canDesignForm(principal, owner)) throw cannotShare();
      const expected = parseIfMatch(request.headers["if-match"], false, "view");
      // A shared view made personal becomes the personal view of whoever un-shared it.
      const ownerId = view.shared && !content.shared ? principal.userId : view.owner_id;
      const saved = await updateView(db, form, view.id, content, { expectedVersion: expected, ownerId });
      builds.schedule(form.id, saved.released);
      return present(saved.view, form, principal, owner);
    },
  );

  app.delete<{ Params: { view: string } }>(
    "/api/views/:view",
    { schema: { tags: ["views"], params: viewParams } },
    async (request, reply) => {
      const principal = currentUser(request);
      const { view, form, owner } = await visibleView(principal, request.params.view);
      if (!canChangeView(principal, view, owner)) throw cannotChange();
      builds.schedule(form.id, await deleteView(db, form, view.id));
      return reply.status(204).send();
    },
  );
};
