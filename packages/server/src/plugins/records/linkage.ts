// Data linkage defaults (数据联动): "take `take` from the first record of `form` whose `field`s equal
// this record's `equals` fields". The fields pipeline is pure and leaves these to the server, which
// looks them up in SQL (through the linked form's filter compiler) and feeds the values back in.
import { filterScopeFor, type PublishedForm, queryRecords } from "@formwork/db";
import { compileFilter } from "@formwork/expressions";
import type { PendingLinkage } from "@formwork/fields";
import type { Db } from "../../database";
import type { Principal } from "../auth/principal";

export interface LinkageLookup {
  db: Db;
  appId: string;
  timeZone: string;
  loadForm: (formId: string, db: Db) => Promise<PublishedForm>;
  /**
   * Whose rights link fill rules read the linked record with: a user (what their picker shows them),
   * null for a public submitter (who picks nothing), absent for the system (automations).
   */
  reader?: Principal | null;
}

/**
 * Resolves each pending linkage against `data` (the prepared record) and writes the found values into
 * `input` (the client's data) at the same pointer, so a second pass of the pipeline validates them.
 * Returns whether anything was filled.
 */
export async function resolveLinkages(
  lookup: LinkageLookup,
  pending: readonly PendingLinkage[],
  data: Record<string, unknown>,
  input: Record<string, unknown>,
): Promise<boolean> {
  let filled = false;
  for (const item of pending) {
    const segments = item.path.split("/").slice(1);
    const row = segments.length === 3 ? rowAt(data, segments[0]!, Number(segments[1])) : undefined;
    const conditions = item.linkage.match.map((m) => ({
      "==": [
        { var: m.field },
        (row && Object.hasOwn(row, m.equals) ? row[m.equals] : data[m.equals]) ?? null,
      ],
    }));
    if (conditions.some((c) => c["=="][1] === null)) continue;
    const value = await firstValue(lookup, item.linkage.form, conditions, item.linkage.take);
    if (value === undefined || value === null) continue;
    if (setAt(input, segments, value)) filled = true;
  }
  return filled;
}

async function firstValue(lookup: LinkageLookup, formKey: string, conditions: unknown[], take: string) {
  const target = await lookup.db
    .selectFrom("forms")
    .select("id")
    .where("app_id", "=", lookup.appId)
    .where("key", "=", formKey)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  if (!target) return undefined;
  const form = await lookup.loadForm(target.id, lookup.db).catch(() => null);
  if (!form) return undefined;
  const compiled = compileFilter(
    { and: conditions },
    filterScopeFor(form, { now: new Date(), timeZone: lookup.timeZone }),
  );
  // A definition that names fields the linked form lacks was refused at publish; be quiet if it slipped by.
  if (!compiled.ok) return undefined;
  const page = await queryRecords(lookup.db, form, {
    filter: compiled.expr,
    fields: [take],
    limit: 1,
    count: false,
  });
  return page.records[0]?.data[take];
}

function rowAt(
  data: Record<string, unknown>,
  field: string,
  index: number,
): Record<string, unknown> | undefined {
  const rows = data[field];
  const row = Array.isArray(rows) ? rows[index] : undefined;
  return row && typeof row === "object" ? (row as Record<string, unknown>) : undefined;
}

/** Sets `value` at the pointer segments inside `target` when the containers exist; never creates them. */
function setAt(target: Record<string, unknown>, segments: string[], value: unknown): boolean {
  let node: unknown = target;
  for (const segment of segments.slice(0, -1)) {
    if (Array.isArray(node)) node = node[Number(segment)];
    else if (node && typeof node === "object")
      node = Object.hasOwn(node, segment) ? (node as Record<string, unknown>)[segment] : undefined;
    else return false;
  }
  const last = segments.at(-1);
  if (last === undefined || !node || typeof node !== "object" || Array.isArray(node)) return false;
  Object.defineProperty(node, last, { value, enumerable: true, writable: true, configurable: true });
  return true;
}
