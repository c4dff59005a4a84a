// GET /api/forms/:form/export: the records a caller may see, as CSV or XLSX, read in keyset-paged
// batches through the records list (so filter, sort, projection, row predicate and hidden-field refusals
// are exactly the list's) and written as each batch arrives. The first batch is read before the
// response starts, so a bad filter or a missing right is still a clean 4xx.
import { isId, type PublishedForm, type RecordPage } from "@formwork/db";
import { localize } from "@formwork/fields";
import type { FieldDefinition, Locale } from "@formwork/schema";
import type { Db } from "../../../database";
import type { Principal } from "../../auth/principal";
import { requireAction } from "../../permissions/enforce";
import { recordScope } from "../../permissions/scope";
import { listRecords } from "../../records/list";
import { parseFields } from "../../records/query-params";
import { type Cell, type CellContext, cellOf, escapeFormula, idsIn } from "./cells";
import { type ExportFormat, type SheetWriter, sheetWriter } from "./sheet-writer";

export const EXPORT_BATCH = 1000;

export interface ExportQuery {
  format: ExportFormat;
  filter?: string;
  sort?: string;
  fields?: string;
}

/** Fields without a value (layout only) are not columns. */
const NO_VALUE = new Set<FieldDefinition["type"]>(["divider", "description"]);

const SYSTEM_COLUMNS = [
  { key: "createdBy", label: { "zh-CN": "提交人", en: "Submitted by" } },
  { key: "createdAt", label: { "zh-CN": "提交时间", en: "Submitted at" } },
  { key: "updatedAt", label: { "zh-CN": "更新时间", en: "Updated at" } },
] as const;

export interface ExportRun {
  fileName: string;
  stream: SheetWriter["stream"];
  /** Writes every batch; resolves with the number of records written. */
  done: Promise<number>;
}

async function namesOf(db: Db, ids: ReadonlySet<string>): Promise<Map<string, string>> {
  const valid = [...ids].filter(isId);
  if (valid.length === 0) return new Map();
  const [users, departments] = await Promise.all([
    db.selectFrom("users").select(["id", "name"]).where("id", "in", valid).execute(),
    db.selectFrom("departments").select(["id", "name"]).where("id", "in", valid).execute(),
  ]);
  return new Map([...users, ...departments].map((row) => [row.id, row.name]));
}

export async function startExport(
  db: Db,
  principal: Principal,
  form: PublishedForm,
  query: ExportQuery,
  locale: Locale,
  timeZone: string,
): Promise<ExportRun> {
  const scope = await recordScope(db, principal, form, timeZone);
  requireAction(scope, "view");
  requireAction(scope, "export");
  const requested = parseFields(query.fields);
  const byId = new Map(form.definition.fields.map((f) => [f.id, f]));
  const fields = requested
    ? requested.map((id) => byId.get(id)).filter((f): f is FieldDefinition => f !== undefined)
    : form.definition.fields.filter((f) => scope.visibleFields.has(f.id) && !NO_VALUE.has(f.type));
  const withSystem = requested === undefined;
  const page = (cursor?: string) =>
    listRecords(
      db,
      principal,
      form,
      {
        ...(query.filter !== undefined ? { filter: query.filter } : {}),
        ...(query.sort !== undefined ? { sort: query.sort } : {}),
        // As asked, so an unknown or hidden name is refused with its own index (never dropped).
        fields: (requested ?? fields.map((f) => f.id)).join(","),
        limit: EXPORT_BATCH,
        count: false,
        ...(cursor !== undefined ? { cursor } : {}),
      },
      timeZone,
    );
  // Read before the response starts: refusals (hidden fields, bad filter) are still 4xx.
  const first = await page();

  const formName = localize(form.definition.name, locale, "export");
  const writer = await sheetWriter(query.format, formName);
  const header: Cell[] = [
    ...fields.map((f) => escapeFormula(localize(f.label, locale, f.id))),
    ...(withSystem ? SYSTEM_COLUMNS.map((c) => localize(c.label, locale)) : []),
  ];
  const write = async (batch: RecordPage) => {
    const ids = new Set<string>();
    for (const record of batch.records) {
      for (const f of fields) for (const id of idsIn(f, record.data[f.id])) ids.add(id);
      if (withSystem && record.createdBy) ids.add(record.createdBy);
    }
    const context: CellContext = { locale, timeZone, names: await namesOf(db, ids) };
    const submitter: FieldDefinition = { id: "createdBy", type: "member", label: "" } as FieldDefinition;
    const datetime: FieldDefinition = { id: "at", type: "datetime", label: "" } as FieldDefinition;
    await writer.rows(
      batch.records.map((record) => [
        ...fields.map((f) => cellOf(f, record.data[f.id], context)),
        ...(withSystem
          ? [
              cellOf(submitter, record.createdBy, context),
              cellOf(datetime, record.createdAt, context),
              cellOf(datetime, record.updatedAt, context),
            ]
          : []),
      ]),
    );
    return batch.records.length;
  };
  const run = async () => {
    await writer.rows([header]);
    let written = await write(first);
    let cursor = first.nextCursor;
    while (cursor !== null && !writer.stream.destroyed) {
      const next = await page(cursor);
      written += await write(next);
      cursor = next.nextCursor;
    }
    await writer.end();
    return written;
  };
  const done = run();
  // A failure mid-way can no longer change the status: the download is cut short instead.
  done.catch((error: unknown) =>
    writer.stream.destroy(error instanceof Error ? error : new Error(String(error))),
  );
  return { fileName: `${formName}.${query.format}`, stream: writer.stream, done };
}
