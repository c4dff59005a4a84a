// Permission routes: app admins (system admins set them), a form's permission sets (system admins and
// the app's admins manage them), and the caller's own rights on a form (what the web's form tabs and
// fill form follow). Every write is one transaction; bodies are closed (no mass assignment).
import {
  deletePermissionSet,
  getPermissionSet,
  insertPermissionSet,
  inTransaction,
  isAppAdmin,
  listAppAdmins,
  listPermissionSets,
  type PublishedForm,
  requestIndexes,
  setAppAdmins,
  updatePermissionSet,
  viewIndexLists,
} from "@formwork/db";
import { type FieldLevel, FormworkError, RECORD_ACTIONS } from "@formwork/schema";
import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import type { ServerConfig } from "../../config";
import type { Db } from "../../database";
import { etagOf, parseIfMatch } from "../../http/if-match";
import { getApp } from "../apps/apps-store";
import { requestActor, writeAudit } from "../audit/audit-store";
import { currentUser } from "../auth/authenticate";
import type { Principal } from "../auth/principal";
import type { PublishedForms } from "../records/published-forms";
import type { IndexBuilds } from "../views/index-builds";
import { attachAccessCache } from "./access-cache";
import { withPlaceholders } from "./row-condition";
import {
  adminsBody,
  adminsResponse,
  appParams,
  formParams,
  myRightsResponse,
  setBody,
  setListResponse,
  setParams,
  setResponse,
} from "./schemas";
import { recordScope, setScopeTimeZone } from "./scope";
import { checkedSetContent, type SetBody } from "./set-content";

export interface PermissionsPluginOptions {
  db: Db;
  config: ServerConfig;
  forms: PublishedForms;
  builds: IndexBuilds;
}

/** System admins, and the admins of the app the form belongs to. */
export async function canManageForm(db: Db, forms: PublishedForms, principal: Principal, formId: string) {
  if (principal.isAdmin) return true;
  return isAppAdmin(db, await forms.appIdOf(formId), principal.userId);
}

/** A permission set change into the audit log, in the change's transaction. */
function auditSet(tx: Db, request: FastifyRequest, action: string, setId: string, formId: string) {
  return writeAudit(tx, { ...requestActor(request), action, targetId: setId, detail: { formId } });
}

export const permissionsPlugin: FastifyPluginAsync<PermissionsPluginOptions> = async (
  app,
  { db, config, forms, builds },
) => {
  setScopeTimeZone(db, config.timeZone);
  attachAccessCache(db, app.credentialCache);
  // Every change below alters who may do what: cached access facts go as soon as it commits.
  const accessChanged = () => app.credentialCache.forgetAccess();

  const managedForm = async (principal: Principal, formId: string): Promise<PublishedForm> => {
    const form = await forms.get(formId);
    if (!(await canManageForm(db, forms, principal, formId))) {
      throw new FormworkError("FORBIDDEN", "Only administrators of this app manage its permissions");
    }
    return form;
  };
  // The btree indexes a row condition needs, built off the request path like saved views'.
  const requestRowIndexes = async (form: PublishedForm, rowCondition: unknown) => {
    if (rowCondition === null) return;
    await requestIndexes(
      db,
      form,
      viewIndexLists(form, { filter: withPlaceholders(rowCondition), sort: [] }),
    );
    builds.schedule(form.id);
  };

  app.get<{ Params: { app: string } }>(
    "/api/apps/:app/admins",
    { schema: { tags: ["permissions"], params: appParams, response: { 200: adminsResponse } } },
    async (request) => {
      const principal = currentUser(request);
      const owner = await getApp(db, request.params.app);
      if (!principal.isAdmin && !(await isAppAdmin(db, owner.id, principal.userId))) {
        throw new FormworkError("FORBIDDEN", "Only administrators see an app's admins");
      }
      return { admins: await listAppAdmins(db, owner.id) };
    },
  );

  app.put<{ Params: { app: string }; Body: { userIds: string[] } }>(
    "/api/apps/:app/admins",
    {
      // App admins manage their app's forms, not who administers it: no one grants what they do not hold.
      config: { auth: "admin" },
      schema: {
        tags: ["permissions"],
        params: appParams,
        body: adminsBody,
        response: { 200: adminsResponse },
      },
    },
    async (request) => {
      const owner = await getApp(db, request.params.app);
      await inTransaction(db, async (tx) => {
        await setAppAdmins(tx, owner.id, request.body.userIds, currentUser(request).userId);
        await writeAudit(tx, {
          ...requestActor(request),
          action: "app.admins",
          targetId: owner.id,
          appId: owner.id,
          detail: { userIds: request.body.userIds },
        });
      });
      accessChanged();
      return { admins: await listAppAdmins(db, owner.id) };
    },
  );

  app.get<{ Params: { form: string } }>(
    "/api/forms/:form/permission-sets",
    { schema: { tags: ["permissions"], params: formParams, response: { 200: setListResponse } } },
    async (request) => {
      const form = await managedForm(currentUser(request), request.params.form);
      return { sets: await listPermissionSets(db, form.id) };
    },
  );

  app.post<{ Params: { form: string }; Body: SetBody }>(
    "/api/forms/:form/permission-sets",
    { schema: { tags: ["permissions"], params: formParams, body: setBody, response: { 201: setResponse } } },
    async (request, reply) => {
      const principal = currentUser(request);
      const form = await managedForm(principal, request.params.form);
      const content = checkedSetContent(form, request.body, config.timeZone);
      const set = await inTransaction(db, async (tx) => {
        const created = await insertPermissionSet(tx, form.id, content, principal.userId);
        await auditSet(tx, request, "permissionSet.create", created.id, form.id);
        return created;
      });
      accessChanged();
      await requestRowIndexes(form, content.rowCondition);
      return reply.status(201).header("etag", etagOf(set.version)).send(set);
    },
  );

  // Sets are addressed by id alone: whoever may not manage the set's form gets NOT_FOUND, the same
  // answer as for an id that does not exist (no probing of other apps' sets).
  const managedSet = async (principal: Principal, id: string) => {
    const set = await getPermissionSet(db, id);
    if (!set || !(await canManageForm(db, forms, principal, set.formId))) {
      throw new FormworkError("NOT_FOUND", "No such permission set");
    }
    return set;
  };

  app.get<{ Params: { set: string } }>(
    "/api/permission-sets/:set",
    { schema: { tags: ["permissions"], params: setParams, response: { 200: setResponse } } },
    async (request, reply) => {
      const set = await managedSet(currentUser(request), request.params.set);
      return reply.header("etag", etagOf(set.version)).send(set);
    },
  );

  app.put<{ Params: { set: string }; Body: SetBody }>(
    "/api/permission-sets/:set",
    {
      schema: {
        tags: ["permissions"],
        params: setParams,
        body: setBody,
        headers: { type: "object", properties: { "if-match": { type: "string" } } },
        response: { 200: setResponse },
      },
    },
    async (request, reply) => {
      const expected = parseIfMatch(request.headers["if-match"], false, "permission set");
      const current = await managedSet(currentUser(request), request.params.set);
      const form = await forms.get(current.formId);
      const content = checkedSetContent(form, request.body, config.timeZone);
      const set = await inTransaction(db, async (tx) => {
        const updated = await updatePermissionSet(tx, current.id, content, expected);
        await auditSet(tx, request, "permissionSet.update", current.id, form.id);
        return updated;
      });
      accessChanged();
      await requestRowIndexes(form, content.rowCondition);
      return reply.header("etag", etagOf(set.version)).send(set);
    },
  );

  app.delete<{ Params: { set: string } }>(
    "/api/permission-sets/:set",
    { schema: { tags: ["permissions"], params: setParams } },
    async (request, reply) => {
      const set = await managedSet(currentUser(request), request.params.set);
      await inTransaction(db, async (tx) => {
        await deletePermissionSet(tx, set.id);
        await auditSet(tx, request, "permissionSet.delete", set.id, set.formId);
      });
      accessChanged();
      return reply.status(204).send();
    },
  );

  app.get<{ Params: { form: string } }>(
    "/api/forms/:form/my-rights",
    {
      schema: {
        tags: ["permissions"],
        description:
          "The caller's actions and field levels on the form (what the UI shows; the server enforces).",
        params: formParams,
        response: { 200: myRightsResponse },
      },
    },
    async (request) => {
      const principal = currentUser(request);
      const manage = await canManageForm(db, forms, principal, request.params.form);
      let form: PublishedForm;
      try {
        form = await forms.get(request.params.form);
      } catch (error) {
        // Not published yet: nothing to fill or see yet, but its designers may design it and open its
        // (empty) fill and data pages, which say it is not published; everyone else has nothing.
        if (!(error instanceof FormworkError) || error.code !== "CONFLICT") throw error;
        return {
          actions: manage ? [...RECORD_ACTIONS] : [],
          fields: {},
          createFields: {},
          rowScoped: false,
          appAdmin: manage,
          canDesign: manage,
          canManagePermissions: manage,
        };
      }
      const scope = await recordScope(db, principal, form, config.timeZone);
      const levels = (visible: ReadonlySet<string>, editable: ReadonlySet<string>) => {
        const out: Record<string, FieldLevel> = {};
        for (const field of form.definition.fields) {
          out[field.id] = editable.has(field.id) ? "edit" : visible.has(field.id) ? "view" : "hidden";
        }
        return out;
      };
      return {
        actions: [...scope.actions],
        fields: levels(scope.visibleFields, scope.editableOnEdit),
        createFields: levels(scope.createVisibleFields, scope.editableOnCreate),
        rowScoped: scope.actions.has("view") && scope.where("view") !== null,
        appAdmin: scope.appAdmin,
        canDesign: manage,
        canManagePermissions: manage,
      };
    },
  );
};
