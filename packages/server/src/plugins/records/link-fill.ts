// Link fill rules (关联数据的数据填充): picking a linked record copies some of its fields into this
// record. The browser fills them as the user picks; the server does the same for any writer (API,
// import) that names the link but leaves the target fields out. Values the writer did send are kept.
// The linked record is read with the writer's rights on its form, as their picker lists it: a record
// they may not view fills nothing, a field hidden from them is not copied (else naming any record id
// and reading one's own record back would read around the permissions of the linked form).
import { getRecord, isId, type PublishedForm, queryRecords } from "@formwork/db";
import type { FieldOf } from "@formwork/schema";
import { type SqlBool, sql } from "kysely";
import type { Db } from "../../database";
import { recordScope } from "../permissions/scope";
import type { LinkageLookup } from "./linkage";

/** Copies fill values into `input` for single links of `data`; returns whether anything was filled. */
export async function applyLinkFills(
  lookup: LinkageLookup,
  form: PublishedForm,
  data: Record<string, unknown>,
  input: Record<string, unknown>,
): Promise<boolean> {
  let filled = false;
  for (const field of form.definition.fields) {
    if (field.type !== "link" || !field.fill?.length || field.multiple) continue;
    const id = data[field.id];
    const missing = field.fill.filter((rule) => !Object.hasOwn(input, rule.to));
    if (typeof id !== "string" || missing.length === 0) continue;
    const linked = await linkedRecord(lookup, field, id);
    if (!linked) continue;
    for (const rule of missing) {
      Object.defineProperty(input, rule.to, {
        value: linked[rule.from] ?? null,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      filled = true;
    }
  }
  return filled;
}

async function linkedRecord(
  lookup: LinkageLookup,
  field: FieldOf<"link">,
  id: string,
): Promise<Record<string, unknown> | null> {
  const target = await formByKey(lookup.db, lookup.appId, field.form);
  if (!target) return null;
  const form = await lookup.loadForm(target, lookup.db).catch(() => null);
  if (!form || !isId(id)) return null;
  if (lookup.reader === undefined) return (await getRecord(lookup.db, form, id))?.data ?? null;
  if (lookup.reader === null) return null;
  const scope = await recordScope(lookup.db, lookup.reader, form, lookup.timeZone);
  if (!scope.actions.has("view")) return null;
  const where = scope.where("view");
  const byId = sql<SqlBool>`id = ${id}::uuid`;
  const page = await queryRecords(lookup.db, form, {
    filter: where ? sql<SqlBool>`(${byId}) AND (${where})` : byId,
    fields: [...scope.visibleFields],
    limit: 1,
    count: false,
  });
  return page.records[0]?.data ?? null;
}

/** The id of the app's live form with `key`, or null. */
export async function formByKey(db: Db, appId: string, key: string): Promise<string | null> {
  const row = await db
    .selectFrom("forms")
    .select("id")
    .where("app_id", "=", appId)
    .where("key", "=", key)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  return row?.id ?? null;
}
