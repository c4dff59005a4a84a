// Import end to end on PGlite and PostgreSQL: upload → preview (encoding, mapping by label, per-row
// errors from the submit pipeline) → job → records written through the write path (serial numbers,
// formulas), all-or-nothing or skipping bad rows, rejected rows downloadable with their errors,
// update and upsert by a key, the import right, cancelling, and a job that survives its worker dying.

import { claimQueuedImportJob } from "@formwork/db";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCsv } from "./csv-reader";
import { serverTestDatabases as testDatabases } from "./databases";
import { publishedForm } from "./fixtures";
import { errorOf, startTestApp, type TestApp } from "./harness";
import { PEOPLE, uploadSheet, XLSX } from "./import-fixtures";
import { addSet } from "./permissions-fixtures";

describe.each(testDatabases())("import ($name)", (database) => {
  let t: TestApp;
  let formId: string;
  beforeAll(async () => {
    t = await startTestApp(database, { imports: { enabled: false, batchSize: 3 } });
    formId = await publishedForm(t, PEOPLE);
  }, 180_000);
  afterAll(async () => t?.close());

  const csv = (text: string, encoding: "utf8" | "gbk" = "utf8") =>
    encoding === "utf8" ? Buffer.from(`\uFEFF${text}`) : iconv.encode(text, "gbk");
  const uploadCsv = (bytes: Buffer, token = t.adminToken) =>
    uploadSheet(t, token, "data.csv", "text/csv", bytes);
  const preview = (body: Record<string, unknown>) =>
    t.admin.request("POST", `/api/forms/${formId}/imports/preview`, body);
  const start = (body: Record<string, unknown>) =>
    t.admin.request("POST", `/api/forms/${formId}/imports`, body);
  const job = async (id: string) =>
    (await t.admin.request("GET", `/api/forms/${formId}/imports/${id}`)).json();
  const records = async (filter?: unknown) => {
    const q = filter ? `&filter=${encodeURIComponent(JSON.stringify(filter))}` : "";
    const r = await t.admin.request("GET", `/api/forms/${formId}/records?limit=200&sort=code${q}`);
    return r.json<{ records: { data: Record<string, unknown> }[] }>().records;
  };
  const clear = async () => {
    for (const r of await records()) {
      const rec = r as unknown as { id: string; version: number };
      await t.admin.request("DELETE", `/api/forms/${formId}/records/${rec.id}`, undefined, {
        "if-match": `"${rec.version}"`,
      });
    }
  };

  it("previews a GBK CSV: detected encoding, mapping by label in either language, per-row errors", async () => {
    await clear();
    const fileId = await uploadCsv(
      csv(
        " 姓名 ,CODE,金额,Region,日期,备注\r\n张三,A1,12.5,北区,2026/1/5,x\r\n,A2,-1,西区,2026-13-01,y\r\n李四,A3,3,South,,z\r\n",
        "gbk",
      ),
    );
    const r = await preview({ fileId });
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    expect(body.encoding).toBe("gb18030");
    expect(body.detectedEncoding).toBe("gb18030");
    expect(body.headers).toEqual(["姓名", "CODE", "金额", "Region", "日期", "备注"]);
    expect(body.mapping).toEqual([
      { column: 0, fieldId: "name" },
      { column: 1, fieldId: "code" },
      { column: 2, fieldId: "amount" },
      { column: 3, fieldId: "region" },
      { column: 4, fieldId: "day" },
    ]);
    expect(body.fields.map((f: { id: string }) => f.id)).not.toContain("double");
    expect(body.preview.totalRows).toBe(3);
    expect(body.preview.errorRowCount).toBe(1);
    const bad = body.preview.errorRows[0];
    expect(bad.row).toBe(3);
    expect(bad.errors.map((e: { column?: string }) => e.column).sort()).toEqual(
      ["Region", "日期", "姓名", "金额"].sort(),
    );
    // Nothing was written by a preview.
    expect(await records()).toEqual([]);
    // The same file forced to UTF-8: refused at the encoding, never mojibake.
    const forced = await preview({ fileId, encoding: "utf-8" });
    expect(errorOf(forced)).toEqual({ status: 422, code: "IMPORT_FILE_INVALID", path: "/encoding" });
  });

  it("all-or-nothing: one bad row refuses the whole file, its rows downloadable with their errors", async () => {
    await clear();
    const fileId = await uploadCsv(
      csv("姓名,工号,金额\r\n甲,B1,1\r\n乙,B2,2\r\n丙,B3,3\r\n丁,B4,-5\r\n戊,B5,5\r\n"),
    );
    const mapping = [
      { column: 0, fieldId: "name" },
      { column: 1, fieldId: "code" },
      { column: 2, fieldId: "amount" },
    ];
    const started = await start({ fileId, mapping, mode: "insert" });
    expect(started.statusCode, started.body).toBe(202);
    expect(started.json().status).toBe("queued");
    const audit = await t.db
      .selectFrom("audit_log")
      .select(["target_id", "detail"])
      .where("action", "=", "records.import")
      .execute();
    expect(audit).toContainEqual({
      target_id: formId,
      detail: expect.objectContaining({ fileId, mode: "insert" }),
    });
    await t.app.importWorker.drain();
    const done = await job(started.json().id);
    expect(done).toMatchObject({ status: "failed", inserted: 0, rejected: 1, total: 5 });
    expect(done.error.code).toBe("ROWS_REJECTED");
    expect(await records()).toEqual([]);
    const rejected = await t.admin.request(
      "GET",
      `/api/forms/${formId}/imports/${started.json().id}/rejected`,
    );
    expect(rejected.statusCode).toBe(200);
    const rows = parseCsv(rejected.body.slice(1));
    expect(rows[0]).toEqual(["行号", "姓名", "工号", "金额", "错误原因"]);
    expect(rows.slice(1).map((r) => r.slice(0, 4))).toEqual([["5", "丁", "B4", "-5"]]);
    expect(rows[1]![4]).toContain("金额");
  });

  it("skips bad rows on request: the good ones written through the write path, the bad ones downloadable", async () => {
    await clear();
    const fileId = await uploadCsv(
      csv(
        "姓名,工号,金额,区域\r\n甲,C1,1,北区\r\n,C2,2,南区\r\n丙,C3,3,North\r\n丁,C1,4,北区\r\n戊,C5,=1+1,北区\r\n己,C6,6,\r\n",
      ),
    );
    const mapping = [
      { column: 0, fieldId: "name" },
      { column: 1, fieldId: "code" },
      { column: 2, fieldId: "amount" },
      { column: 3, fieldId: "region" },
    ];
    const started = await start({ fileId, mapping, mode: "insert", skipBadRows: true });
    await t.app.importWorker.drain();
    const done = await job(started.json().id);
    // Row 3: no name; row 5: a duplicate of a unique code (the database says so); row 6: formula text in a number.
    expect(done).toMatchObject({ status: "succeeded", inserted: 3, rejected: 3, total: 6 });
    const stored = await records();
    expect(stored.map((r) => [r.data.code, r.data.amount, r.data.double, r.data.region])).toEqual([
      ["C1", 1, 2, "n"],
      ["C3", 3, 6, "n"],
      ["C6", 6, 12, null],
    ]);
    // Serial numbers were assigned as for a submit.
    expect(stored.every((r) => /^P-\d{4}$/.test(String(r.data.no)))).toBe(true);
    const rejected = parseCsv(
      (await t.admin.request("GET", `/api/forms/${formId}/imports/${started.json().id}/rejected`)).body.slice(
        1,
      ),
    );
    expect(rejected.slice(1).map((r) => r[0])).toEqual(["3", "5", "6"]);
    // A formula-looking cell is escaped in the download as in every export.
    expect(rejected[3]![3]).toBe("'=1+1");
  });

  it("reads an Excel workbook: shared strings, dates, formulas by their cached values", async () => {
    await clear();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("数据");
    sheet.addRow(["Name", "Code", "Amount", "Day"]);
    sheet.addRow(["Ann", "D1", 4, new Date(Date.UTC(2026, 0, 31))]);
    sheet.addRow(["Bob", "D2", { formula: "2*3", result: 6 }, null]);
    sheet.getCell("D2").numFmt = "yyyy-mm-dd";
    const fileId = await uploadSheet(
      t,
      t.adminToken,
      "data.xlsx",
      XLSX,
      Buffer.from(await workbook.xlsx.writeBuffer()),
    );
    const r = await preview({ fileId });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().preview).toMatchObject({ totalRows: 2, errorRowCount: 0 });
    const started = await start({ fileId, mapping: r.json().mapping, mode: "insert" });
    await t.app.importWorker.drain();
    expect(await job(started.json().id)).toMatchObject({ status: "succeeded", inserted: 2 });
    expect((await records()).map((x) => [x.data.name, x.data.amount, x.data.day])).toEqual([
      ["Ann", 4, "2026-01-31"],
      ["Bob", 6, null],
    ]);
  });

  it("updates by a key field and upserts", async () => {
    await clear();
    const first = await uploadCsv(csv("姓名,工号,金额\r\n甲,K1,1\r\n乙,K2,2\r\n"));
    const mapping = [
      { column: 0, fieldId: "name" },
      { column: 1, fieldId: "code" },
      { column: 2, fieldId: "amount" },
    ];
    await start({ fileId: first, mapping, mode: "insert" });
    await t.app.importWorker.drain();
    const second = await uploadCsv(csv("姓名,工号,金额\r\n甲二,K1,10\r\n丙,K3,30\r\n"));
    const update = await start({
      fileId: second,
      mapping,
      mode: "update",
      keyField: "code",
      skipBadRows: true,
    });
    await t.app.importWorker.drain();
    expect(await job(update.json().id)).toMatchObject({ status: "succeeded", updated: 1, rejected: 1 });
    const upsert = await start({ fileId: second, mapping, mode: "upsert", keyField: "code" });
    await t.app.importWorker.drain();
    expect(await job(upsert.json().id)).toMatchObject({ status: "succeeded", updated: 1, inserted: 1 });
    expect((await records()).map((x) => [x.data.code, x.data.name, x.data.amount, x.data.double])).toEqual([
      ["K1", "甲二", 10, 20],
      ["K2", "乙", 2, 4],
      ["K3", "丙", 30, 60],
    ]);
    const noKey = await start({ fileId: second, mapping, mode: "update" });
    expect(errorOf(noKey)).toEqual({ status: 422, code: "VALIDATION_FAILED", path: "/keyField" });
  });

  it("needs the import right; another user's upload or job is not found", async () => {
    const user = await t.newUser(`importer-${database.name}@example.com`);
    await addSet(t, formId, {
      name: "submit",
      kind: "custom",
      actions: ["create", "view"],
      fields: {},
      rowCondition: null,
      members: [{ type: "user", id: user.id }],
    });
    const fileId = await uploadCsv(csv("姓名\r\nx\r\n"), user.token);
    const refused = await user.request("POST", `/api/forms/${formId}/imports/preview`, { fileId });
    expect(errorOf(refused).code).toBe("FORBIDDEN");
    const notMine = await preview({ fileId });
    expect(errorOf(notMine)).toEqual({ status: 404, code: "NOT_FOUND", path: "/fileId" });
  });

  it("cancels a queued job; a job whose worker died is run again, never half-written", async () => {
    await clear();
    const fileId = await uploadCsv(csv("姓名,工号\r\n甲,R1\r\n乙,R2\r\n"));
    const mapping = [
      { column: 0, fieldId: "name" },
      { column: 1, fieldId: "code" },
    ];
    const cancelled = await start({ fileId, mapping, mode: "insert" });
    const c = await t.admin.request("POST", `/api/forms/${formId}/imports/${cancelled.json().id}/cancel`);
    expect(c.json().status).toBe("cancelled");

    const started = await start({ fileId, mapping, mode: "insert" });
    // A worker claims the job, writes, and dies before committing: the transaction rolls back.
    await t.db
      .transaction()
      .execute(async (tx) => {
        const claimed = await claimQueuedImportJob(tx);
        expect(claimed?.id).toBe(started.json().id);
        await sql`INSERT INTO import_rejects (job_id, row_number, cells, errors) VALUES (${claimed!.id}, 1, '[]', '[]')`.execute(
          tx,
        );
        throw new Error("worker died");
      })
      .catch((error: Error) => expect(error.message).toBe("worker died"));
    expect((await job(started.json().id)).status).toBe("queued");
    expect(await t.app.importWorker.drain()).toBe(1);
    expect(await job(started.json().id)).toMatchObject({ status: "succeeded", inserted: 2, rejected: 0 });
    expect((await records()).map((r) => r.data.code)).toEqual(["R1", "R2"]);
  });

  if (database.name === "postgres") {
    it("a job held by a running worker is skipped by the others (FOR UPDATE SKIP LOCKED)", async () => {
      const fileId = await uploadCsv(csv("姓名\r\n甲\r\n"));
      const started = await start({ fileId, mapping: [{ column: 0, fieldId: "name" }], mode: "insert" });
      let release!: () => void;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let claimed!: () => void;
      const isClaimed = new Promise<void>((resolve) => {
        claimed = resolve;
      });
      const holder = t.db.transaction().execute(async (tx) => {
        await claimQueuedImportJob(tx);
        claimed();
        await held;
        throw new Error("rolled back");
      });
      await isClaimed;
      expect(await t.app.importWorker.drain()).toBe(0);
      release();
      await holder.catch(() => undefined);
      expect(await t.app.importWorker.drain()).toBe(1);
      expect((await job(started.json().id)).status).toBe("succeeded");
    });
  }
});
