// Sample records of a bundle, written through the fields pipeline (normalised, formulas computed,
// rules checked) in the installer's transaction, form by form in link order so every link names a
// record already written. Relative dates ({"$days": n}) land n days from the install day.
import { insertRecords, loadPublishedForm, type PlaceholderMap } from "@formwork/db";
import { type FieldDefinition, linkOrder, type SampleRecord, type TemplateBundle } from "@formwork/schema";
import type { Db } from "../../database";
import { backfillAggregates } from "../records/aggregates/backfill";
import { prepareAll } from "../records/prepare";

export interface SampleContext {
  now: Date;
  timeZone: string;
  actorId: string;
  map: PlaceholderMap;
  /** Form key → form id in the new app. */
  formIds: Map<string, string>;
  /** Members' primary departments, for the records' dept_id. */
  primaryDepartment: Map<string, string | null>;
}

const DAY = 86_400_000;

export async function insertSampleData(tx: Db, bundle: TemplateBundle, ctx: SampleContext): Promise<number> {
  const data = bundle.sampleData ?? {};
  const sorted = linkOrder(bundle.forms, Object.keys(data));
  if ("cycle" in sorted) throw new Error(`sample data links in a cycle at ${sorted.cycle}`);
  const recordIds = new Map<string, Map<string, string>>();
  let count = 0;
  for (const key of sorted.order) {
    const records = data[key] ?? [];
    const def = bundle.forms.find((f) => f.key === key)!;
    const form = await loadPublishedForm(tx, ctx.formIds.get(key)!);
    if (!form) throw new Error(`form ${key} is not published`);
    const ids = new Map<string, string>();
    recordIds.set(key, ids);
    if (records.length === 0) continue;
    const fields = new Map(def.fields.map((f) => [f.id, f] as const));
    const inputs = records.map((record, i) => ({
      base: `/sampleData/${key}/${i}/data`,
      data: resolveValues(record.data, fields, recordIds, ctx),
    }));
    const prepared = prepareAll(form, inputs, {
      now: ctx.now,
      actorId: ctx.actorId,
      timeZone: ctx.timeZone,
      locale: "zh-CN",
    });
    const rows = records.map((record: SampleRecord, i) => {
      const ownerId = record.owner === undefined ? ctx.actorId : ctx.map.members[record.owner]!;
      return {
        data: prepared[i]!.data,
        ownerId,
        deptId: ctx.primaryDepartment.get(ownerId) ?? null,
        flowStatus: record.flowStatus ?? null,
      };
    });
    const written = await insertRecords(
      tx,
      form,
      rows,
      { actorId: ctx.actorId, now: ctx.now, timeZone: ctx.timeZone },
      { returning: "refs" },
    );
    for (const [i, ref] of written.entries()) ids.set(records[i]!.id, ref.id);
    count += written.length;
  }
  // Written as a batch, without record events: the aggregation fields (a customer's contract total) are
  // filled once now that every record is in.
  for (const def of bundle.forms) {
    if (!def.fields.some((f) => f.type === "aggregate")) continue;
    const form = await loadPublishedForm(tx, ctx.formIds.get(def.key)!);
    if (form) await backfillAggregates(tx, form, null, ctx.timeZone);
  }
  return count;
}

function resolveValues(
  data: Record<string, unknown>,
  fields: Map<string, FieldDefinition>,
  recordIds: Map<string, Map<string, string>>,
  ctx: SampleContext,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [id, value] of Object.entries(data)) {
    const field = fields.get(id);
    if (!field) continue;
    out[id] = resolveValue(value, field, recordIds, ctx);
  }
  return out;
}

function resolveValue(
  value: unknown,
  field: FieldDefinition,
  recordIds: Map<string, Map<string, string>>,
  ctx: SampleContext,
): unknown {
  const each = (map: (v: string) => string | undefined) =>
    Array.isArray(value) ? value.map((v) => map(String(v))) : value === null ? null : map(String(value));
  switch (field.type) {
    case "link":
      return each((v) => recordIds.get(field.form)?.get(v));
    case "member":
    case "members":
      return each((v) => ctx.map.members[v]);
    case "department":
    case "departments":
      return each((v) => ctx.map.departments[v]);
    case "date":
    case "datetime": {
      if (typeof value !== "object" || value === null || !("$days" in value)) return value;
      const at = new Date(ctx.now.getTime() + Number((value as { $days: number }).$days) * DAY);
      return field.type === "date" ? localDate(at, ctx.timeZone) : at.toISOString();
    }
    case "subform": {
      if (!Array.isArray(value)) return value;
      const columns = new Map((field.fields ?? []).map((c) => [c.id, c] as const));
      return value.map((row) => resolveValues(row as Record<string, unknown>, columns, recordIds, ctx));
    }
    default:
      return value;
  }
}

function localDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(at);
}
