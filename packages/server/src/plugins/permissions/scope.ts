// recordScope(principal, form): what one caller may do with one form's records, as SQL predicates and
// field sets. EVERY path that reads or writes records (lists, single reads, counts, search, history,
// files, link pickers, saved views, and later exports, aggregations and realtime events) must ask here
// and apply all of it: `where(action)` AND-ed into its SQL, `visibleFields` as the projection (hidden
// fields never leave the server), `hiddenFields` as the names a filter, sort or search may not read.
//
// Rules (issue 6): system admins and the app's admins have everything. Otherwise the rights are the
// union of the form's permission sets that include the user (directly, by department — with
// sub-departments when the set says so —, by role or as one of all members): an action is granted when
// any set grants it; the records it applies to are the OR of those sets' row conditions (a set without
// one: every record); a field is readable when a set granting `view` shows it, editable on create/edit
// when a set granting create/edit makes it `edit`. A user in no set has no right at all: a form without
// any permission set is closed to everyone but admins, as in Jiandaoyun (migration 0021 gave the forms
// that were open before it an explicit "manage all" set for all members). Workflow task holders and
// public links do not come through here: they have their own rules.
import { accessFacts, type PrincipalOrg, type PublishedForm } from "@formwork/db";
import { defaultFieldLevel, type FieldLevel, RECORD_ACTIONS, type RecordAction } from "@formwork/schema";
import { type Expression, type SqlBool, sql } from "kysely";
import type { Db } from "../../database";
import type { Principal } from "../auth/principal";
import { accessCacheOf } from "./access-cache";
import { compileRowCondition, dynamicValues } from "./row-condition";

/** The actions whose records are limited by row conditions (create has no existing record). */
export type RowAction = Exclude<RecordAction, "create">;

export interface RecordScope {
  /** A system admin or an admin of the form's app: every action on every record and field. */
  full: boolean;
  appAdmin: boolean;
  actions: ReadonlySet<RecordAction>;
  /** Fields (top-level ids) the caller may read. */
  visibleFields: ReadonlySet<string>;
  /** The form's fields the caller may not read: forbidden in filters, sorts, searches and projections. */
  hiddenFields: readonly string[];
  /** Fields shown on the fill form (create), editable or not. */
  createVisibleFields: ReadonlySet<string>;
  editableOnCreate: ReadonlySet<string>;
  editableOnEdit: ReadonlySet<string>;
  /** The records an action applies to: null = every record; a predicate otherwise (`false` if not granted). */
  where(action: RowAction): Expression<SqlBool> | null;
  /** The values row conditions compare with, for this user. */
  params: Record<string, unknown>;
  /** The names the view condition reads (for the list's count rule). */
  rowFields: readonly string[];
  org: PrincipalOrg | null;
}

const NONE = sql<SqlBool>`false`;

function fullScope(
  form: PublishedForm,
  appAdmin: boolean,
  org: PrincipalOrg | null,
  params: Record<string, unknown>,
): RecordScope {
  const all = new Set(form.definition.fields.map((f) => f.id));
  return {
    full: true,
    appAdmin,
    actions: new Set(RECORD_ACTIONS),
    visibleFields: all,
    hiddenFields: [],
    createVisibleFields: all,
    editableOnCreate: all,
    editableOnEdit: all,
    where: () => null,
    params,
    rowFields: [],
    org,
  };
}

const memo = new WeakMap<Principal, Map<string, Promise<RecordScope>>>();

/**
 * The caller's scope on the form, computed once per request (memoised on the request's principal and
 * the form version) from one query: app admin flag, the user's departments and roles, matching sets.
 * That query's answer is cached for seconds across requests (access-cache.ts, invalidated at once in
 * this process by every change that can alter it).
 */
export function recordScope(
  db: Db,
  principal: Principal,
  form: PublishedForm,
  timeZone: string,
): Promise<RecordScope> {
  let perForm = memo.get(principal);
  if (!perForm) {
    perForm = new Map();
    memo.set(principal, perForm);
  }
  const key = `${form.id}@${form.version}`;
  let scope = perForm.get(key);
  if (!scope) {
    scope = computeScope(db, principal, form, timeZone);
    perForm.set(key, scope);
    scope.catch(() => perForm.delete(key));
  }
  return scope;
}

async function computeScope(
  db: Db,
  principal: Principal,
  form: PublishedForm,
  timeZone: string,
): Promise<RecordScope> {
  const cache = accessCacheOf(db);
  const facts = cache
    ? await cache.get(principal.userId, form.id, () => accessFacts(db, form.id, principal.userId))
    : await accessFacts(db, form.id, principal.userId);
  const params = dynamicValues(principal.userId, facts.org);
  if (principal.isAdmin || facts.appAdmin) return fullScope(form, facts.appAdmin, facts.org, params);

  const fieldIds = form.definition.fields.map((f) => f.id);
  const known = new Set(fieldIds);
  const actions = new Set<RecordAction>();
  const visible = new Set<string>();
  const createVisible = new Set<string>();
  const onCreate = new Set<string>();
  const onEdit = new Set<string>();
  const conditions = new Map<RowAction, Expression<SqlBool>[] | null>();
  const rowFields = new Set<string>();
  for (const set of facts.sets) {
    const fallback = defaultFieldLevel(set.actions);
    const level = (id: string): FieldLevel => (Object.hasOwn(set.fields, id) ? set.fields[id]! : fallback);
    const compiled =
      set.rowCondition === null ? null : compileRowCondition(form, set.rowCondition, params, timeZone);
    const condition = compiled?.expr ?? null;
    if (compiled && set.actions.includes("view")) for (const name of compiled.fields) rowFields.add(name);
    for (const action of set.actions) {
      actions.add(action);
      if (action === "create") continue;
      const list = conditions.get(action);
      if (list === null) continue;
      if (condition === null) conditions.set(action, null);
      else conditions.set(action, [...(list ?? []), condition]);
    }
    for (const id of fieldIds) {
      const l = level(id);
      if (set.actions.includes("view") && l !== "hidden") visible.add(id);
      if (set.actions.includes("create") && l !== "hidden") createVisible.add(id);
      if (set.actions.includes("create") && l === "edit") onCreate.add(id);
      if (set.actions.includes("edit") && l === "edit") onEdit.add(id);
    }
  }
  // Editing needs reading: a field editable on edit but hidden from view would be written blind.
  for (const id of onEdit) if (!visible.has(id)) onEdit.delete(id);
  return {
    full: false,
    appAdmin: false,
    actions,
    visibleFields: visible,
    hiddenFields: fieldIds.filter((id) => known.has(id) && !visible.has(id)),
    createVisibleFields: createVisible,
    editableOnCreate: onCreate,
    editableOnEdit: onEdit,
    where(action) {
      const list = conditions.get(action);
      if (list === undefined) return NONE;
      if (list === null) return null;
      return list.length === 1
        ? list[0]!
        : sql<SqlBool>`(${sql.join(
            list.map((c) => sql`(${c})`),
            sql` OR `,
          )})`;
    },
    params,
    rowFields: conditions.get("view") ? [...rowFields] : [],
    org: facts.org,
  };
}

const zones = new WeakMap<Db, string>();

/** The time zone row conditions' relative dates use on this database's app (set by the plugin). */
export function scopeTimeZone(db: Db): string {
  return zones.get(db) ?? "Asia/Shanghai";
}

export function setScopeTimeZone(db: Db, timeZone: string): void {
  zones.set(db, timeZone);
}
