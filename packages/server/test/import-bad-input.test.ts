// Hostile and oversized files on PGlite and PostgreSQL: each gets a 4xx with a stable code and a
// pointer, or a bounded result, and nothing is imported. Limits are lowered for the test app so the
// files stay small enough to build here; the checks are the same at the default limits.
import { randomBytes } from "node:crypto";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverTestDatabases as testDatabases } from "./databases";
import { publishedForm } from "./fixtures";
import { errorOf, startTestApp, type TestApp } from "./harness";
import { PEOPLE, sheetXml, uploadSheet, workbookParts, XLSX, zip } from "./import-fixtures";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

describe.each(testDatabases())("import bad input ($name)", (database) => {
  let t: TestApp;
  let formId: string;
  beforeAll(async () => {
    t = await startTestApp(database, {
      imports: { enabled: false, maxUnzippedBytes: 8 * 1024 * 1024, maxZipRatio: 200, maxRows: 1000 },
    });
    formId = await publishedForm(t, PEOPLE);
  }, 180_000);
  afterAll(async () => t?.close());

  const xlsx = (bytes: Buffer) => uploadSheet(t, t.adminToken, "bad.xlsx", XLSX, bytes);
  const preview = async (fileId: string, extra: Record<string, unknown> = {}) =>
    t.admin.request("POST", `/api/forms/${formId}/imports/preview`, { fileId, ...extra });
  const detailCode = (r: { json(): unknown }) =>
    (r.json() as { error: { details: { code: string }[] } }).error.details[0]?.code;
  const count = async () =>
    (await t.admin.request("GET", `/api/forms/${formId}/records?limit=1`)).json<{
      count: { value: number };
    }>().count.value;

  it("refuses a zip bomb from its declared sizes, and one that lies about them while it inflates", async () => {
    const filler = Buffer.alloc(20 * 1024 * 1024, 0x20);
    const honest = await xlsx(
      zip(workbookParts(Buffer.concat([Buffer.from("<worksheet><sheetData>"), filler]))),
    );
    const r1 = await preview(honest);
    expect(errorOf(r1)).toEqual({ status: 413, code: "IMPORT_TOO_LARGE", path: "/fileId" });
    expect(detailCode(r1)).toBe("ZIP_BOMB");
    // Claims 1 KB, inflates to 20 MB: stopped by the byte count, not trusted.
    const liar = await xlsx(
      zip(workbookParts(Buffer.concat([Buffer.from("<worksheet><sheetData>"), filler]), 1024)),
    );
    const r2 = await preview(liar);
    expect(errorOf(r2)).toEqual({ status: 413, code: "IMPORT_TOO_LARGE", path: "/fileId" });
    expect(detailCode(r2)).toBe("ZIP_BOMB");
  });

  it("reads a sheet whose data validation and dimension span the whole sheet as its few rows", async () => {
    const sheet = sheetXml(
      [
        ["姓名", "工号"],
        ["甲", "V1"],
      ],
      {
        before: '<dimension ref="A1:XFD1048576"/>',
        after:
          '<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="A1:XFD1048576"><formula1>"a,b"</formula1></dataValidation></dataValidations>',
      },
    );
    gc();
    const before = process.memoryUsage().heapUsed;
    const r = await preview(await xlsx(zip(workbookParts(sheet))));
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().preview).toMatchObject({ totalRows: 1, errorRowCount: 0 });
    gc();
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(50 * 1024 * 1024);
  });

  it("refuses a 10 MB cell", async () => {
    // 10 MB in one xlsx cell: beyond the cell limit, and here beyond the test's inflated-size limit too.
    const huge = sheetXml([["姓名"], ["x".repeat(10 * 1024 * 1024)]]);
    expect(errorOf(await preview(await xlsx(zip(workbookParts(huge)))))).toEqual({
      status: 413,
      code: "IMPORT_TOO_LARGE",
      path: "/fileId",
    });
    // Over the 32,767-character cell limit alone (incompressible text, within the inflated limits).
    const long = sheetXml([["姓名"], [randomBytes(30_000).toString("base64")]]);
    const r = await preview(await xlsx(zip(workbookParts(long))));
    expect(errorOf(r)).toEqual({ status: 413, code: "IMPORT_TOO_LARGE", path: "/fileId" });
    expect(detailCode(r)).toBe("CELL_TOO_LONG");
    const csv = Buffer.concat([
      Buffer.from("姓名\r\n"),
      Buffer.alloc(10 * 1024 * 1024, 0x61),
      Buffer.from("\r\n"),
    ]);
    const r2 = await preview(await uploadSheet(t, t.adminToken, "big.csv", "text/csv", csv));
    expect(errorOf(r2)).toEqual({ status: 413, code: "IMPORT_TOO_LARGE", path: "/fileId" });
    expect(detailCode(r2)).toBe("CELL_TOO_LONG");
  });

  it("names duplicate headers", async () => {
    const fileId = await uploadSheet(
      t,
      t.adminToken,
      "d.csv",
      "text/csv",
      Buffer.from("姓名,工号, 姓名 \r\n甲,1,乙\r\n"),
    );
    const r = await preview(fileId);
    expect(errorOf(r)).toEqual({ status: 422, code: "DUPLICATE_HEADERS", path: "/headers/2" });
    expect(r.json().error.message).toContain('"姓名"');
  });

  it("takes formulas' cached values, never evaluates them and never stores one", async () => {
    const sheet = sheetXml([
      ["姓名", "工号", "金额"],
      [{ f: 'CONCATENATE("a","b")', v: "ab" }, "F1", { f: "1+1", v: 2 }],
      ["无缓存", "F2", { f: "SUM(A1:A9)" }],
      ["文本", "F3", 3],
    ]);
    const fileId = await xlsx(zip(workbookParts(sheet)));
    const p = await preview(fileId);
    expect(p.json().preview).toMatchObject({ totalRows: 3, errorRowCount: 0 });
    const started = await t.admin.request("POST", `/api/forms/${formId}/imports`, {
      fileId,
      mapping: p.json().mapping,
      mode: "insert",
    });
    await t.app.importWorker.drain();
    const job = (await t.admin.request("GET", `/api/forms/${formId}/imports/${started.json().id}`)).json();
    expect(job).toMatchObject({ status: "succeeded", inserted: 3 });
    const stored = (
      await t.admin.request(
        "GET",
        `/api/forms/${formId}/records?sort=code&filter=${encodeURIComponent('{"in":[{"var":"code"},["F1","F2","F3"]]}')}`,
      )
    ).json<{ records: { data: Record<string, unknown> }[] }>().records;
    expect(stored.map((r) => [r.data.name, r.data.amount])).toEqual([
      ["ab", 2],
      ["无缓存", null],
      ["文本", 3],
    ]);
  });

  it("refuses more rows than the limit while streaming, with nothing imported", async () => {
    const before = await count();
    // 1,000,000 data rows (about 9 MB): read as a stream and refused at row 1,001.
    const rows = Buffer.alloc(1_000_000 * 9);
    for (let i = 0; i < 1_000_000; i++) rows.write(`x,${String(i).padStart(6, "0")}\n`, i * 9);
    const fileId = await uploadSheet(
      t,
      t.adminToken,
      "m.csv",
      "text/csv",
      Buffer.concat([Buffer.from("姓名,工号\n"), rows]),
    );
    const r = await preview(fileId);
    expect(errorOf(r)).toEqual({ status: 413, code: "IMPORT_TOO_LARGE", path: "/fileId" });
    expect(detailCode(r)).toBe("TOO_MANY_ROWS");
    const started = await t.admin.request("POST", `/api/forms/${formId}/imports`, {
      fileId,
      mapping: [
        { column: 0, fieldId: "name" },
        { column: 1, fieldId: "code" },
      ],
      mode: "insert",
      skipBadRows: true,
    });
    expect(started.statusCode, started.body).toBe(202);
    await t.app.importWorker.drain();
    const job = (await t.admin.request("GET", `/api/forms/${formId}/imports/${started.json().id}`)).json();
    expect(job.status).toBe("failed");
    expect(job.error.code).toBe("IMPORT_TOO_LARGE");
    expect(await count()).toBe(before);
  });

  it("refuses a file that is not a workbook, and a file type that is not a sheet", async () => {
    const r = await preview(await xlsx(zip([{ name: "hello.txt", data: Buffer.from("hi") }])));
    expect(errorOf(r)).toEqual({ status: 422, code: "IMPORT_FILE_INVALID", path: "/fileId" });
    const pdf = await uploadSheet(t, t.adminToken, "x.pdf", "application/pdf", Buffer.from("%PDF-1.4\n"));
    expect(errorOf(await preview(pdf))).toEqual({
      status: 415,
      code: "UNSUPPORTED_MEDIA_TYPE",
      path: "/fileId",
    });
  });
});
