// GET /api/forms/:form/export end to end: CSV (BOM, labels in the request language, readable values,
// formula escaping, parse-back), XLSX read back with exceljs, the caller's rows and fields only, the
// export right, the audit row, and a 20k-record export whose heap stays flat (batches, not all rows).

import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type { FormDefinition } from "@formwork/schema";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startExport } from "../src/plugins/aggregate/export/export";
import { parseCsv } from "./csv-reader";
import { serverTestDatabases as testDatabases } from "./databases";
import { publishedForm } from "./fixtures";
import { errorOf, startTestApp, type TestApp } from "./harness";
import { addSet, makeOrg, type Org } from "./permissions-fixtures";

const SALES: FormDefinition = {
  key: "sales",
  name: { "zh-CN": "销售", en: "Sales" },
  fields: [
    { id: "title", type: "text", label: { "zh-CN": "标题", en: "Title" } },
    {
      id: "region",
      type: "select",
      label: { "zh-CN": "区域", en: "Region" },
      options: [{ value: "n", label: { "zh-CN": "北区", en: "North" } }],
    },
    { id: "amount", type: "money", label: { "zh-CN": "金额", en: "Amount" } },
    { id: "at", type: "datetime", label: { "zh-CN": "时间", en: "At" } },
    { id: "rep", type: "member", label: { "zh-CN": "销售员", en: "Rep" } },
    { id: "secret", type: "text", label: { "zh-CN": "机密", en: "Secret" } },
  ],
};

// A full collection on demand, to measure what the export retains rather than garbage not yet swept.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

describe.each(testDatabases())("export ($name)", (database) => {
  let t: TestApp;
  let org: Org;
  let formId: string;
  beforeAll(async () => {
    t = await startTestApp(database);
    org = await makeOrg(t, "exp");
    formId = await publishedForm(t, SALES);
    const rows = [
      {
        title: '=HYPERLINK("http://x")',
        region: "n",
        amount: -12.5,
        at: "2026-01-31T17:00:00Z",
        rep: org.alice.id,
        secret: "s1",
      },
      { title: 'comma, "quote"\nnewline', region: null, amount: 3, at: null, rep: org.bob.id, secret: "s2" },
      { title: "中文", region: "n", amount: 7, rep: org.alice.id, secret: "s3" },
    ];
    const r = await t.admin.request(
      "POST",
      `/api/forms/${formId}/records`,
      rows.map((data) => ({ data })),
    );
    expect(r.statusCode, r.body).toBe(201);
  });
  afterAll(async () => t?.close());

  const url = (query: string) => `/api/forms/${formId}/export?${query}`;

  it("streams a CSV with a BOM, labels in the request language, readable and escaped values", async () => {
    const r = await t.admin.request("GET", url("format=csv&sort=amount"), undefined, {
      "accept-language": "zh-CN",
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers["content-type"]).toContain("text/csv");
    expect(r.headers["content-disposition"]).toContain(encodeURIComponent("销售.csv"));
    expect(r.body.startsWith("\uFEFF")).toBe(true);
    const [header, ...rows] = parseCsv(r.body.slice(1));
    expect(header).toEqual([
      "标题",
      "区域",
      "金额",
      "时间",
      "销售员",
      "机密",
      "提交人",
      "提交时间",
      "更新时间",
    ]);
    expect(rows.map((row) => row.slice(0, 6))).toEqual([
      ['\'=HYPERLINK("http://x")', "北区", "-12.5", "2026-02-01 01:00:00", "exp-alice@example.com", "s1"],
      ['comma, "quote"\nnewline', "", "3", "", "exp-bob@example.com", "s2"],
      ["中文", "北区", "7", "", "exp-alice@example.com", "s3"],
    ]);
    expect(rows[0]![6]).toBe("Admin");
    const en = await t.admin.request("GET", url("format=csv&fields=region,title"), undefined, {
      "accept-language": "en",
    });
    expect(parseCsv(en.body.slice(1))[0]).toEqual(["Region", "Title"]);
  });

  it("writes an XLSX that exceljs reads back, numbers as numbers and formulas as quoted text", async () => {
    const r = await t.admin.request("GET", url("format=xlsx&sort=amount&fields=title,amount"));
    expect(r.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, "标题", "金额"]);
    expect(sheet.getRow(2).getCell(1).value).toBe('\'=HYPERLINK("http://x")');
    expect(sheet.getRow(2).getCell(1).formula).toBeUndefined();
    expect(sheet.getRow(2).getCell(2).value).toBe(-12.5);
    expect(sheet.rowCount).toBe(4);
  });

  it("exports only the caller's rows and visible fields, needs the export right and is audited", async () => {
    await addSet(t, formId, {
      name: "Alice exports her own",
      kind: "custom",
      actions: ["view", "export"],
      rowCondition: { "==": [{ var: "rep" }, { var: "$user" }] },
      fields: { secret: "hidden" },
      members: [{ type: "user", id: org.alice.id }],
    });
    await addSet(t, formId, {
      name: "Bob only views",
      kind: "custom",
      actions: ["view"],
      members: [{ type: "user", id: org.bob.id }],
    });
    const r = await org.alice.request("GET", url("format=csv&sort=amount"));
    expect(r.statusCode, r.body).toBe(200);
    const [header, ...rows] = parseCsv(r.body.slice(1));
    expect(header).not.toContain("机密");
    expect(rows).toHaveLength(2);
    expect(r.body).not.toContain("s1");
    expect(errorOf(await org.alice.request("GET", url("format=csv&fields=title,secret")))).toMatchObject({
      status: 403,
      code: "FORBIDDEN_FIELD",
      path: "/fields/1",
    });
    expect(
      errorOf(
        await org.alice.request(
          "GET",
          url(`format=csv&filter=${encodeURIComponent('{"==":[{"var":"secret"},"s1"]}')}`),
        ),
      ),
    ).toMatchObject({ status: 403, code: "FORBIDDEN_FIELD" });
    expect(errorOf(await org.bob.request("GET", url("format=csv")))).toMatchObject({
      status: 403,
      code: "FORBIDDEN",
    });
    expect(errorOf(await t.admin.request("GET", url("format=pdf"))).status).toBe(400);
    expect(errorOf(await t.admin.request("GET", url("format=csv&fields=title,ghost")))).toMatchObject({
      status: 400,
      path: "/fields/1",
    });
    const audit = await t.db
      .selectFrom("audit_log")
      .select(["actor_id", "target_id"])
      .where("action", "=", "records.export")
      .execute();
    expect(audit).toContainEqual({ actor_id: org.alice.id, target_id: formId });
  });

  it("exports 20,000 records in batches with a flat heap", async () => {
    const big = await publishedForm(t, {
      key: "big",
      name: "Big",
      fields: [
        { id: "n", type: "number", label: "N" },
        { id: "note", type: "text", label: "Note" },
      ],
    });
    const note = "x".repeat(1000);
    for (let b = 0; b < 20; b++) {
      const batch = Array.from({ length: 1000 }, (_, i) => ({ data: { n: b * 1000 + i, note } }));
      const r = await t.admin.request("POST", `/api/forms/${big}/records`, batch, {
        prefer: "return=minimal",
      });
      expect(r.statusCode).toBe(201);
    }
    const form = await t.app.publishedForms.get(big);
    const admin = await t.db
      .selectFrom("users")
      .select("id")
      .where("is_admin", "=", true)
      .executeTakeFirstOrThrow();
    const principal = {
      userId: admin.id,
      email: "",
      name: "",
      isAdmin: true,
      via: "token",
      credentialId: "x",
    } as const;
    // Retained heap (after a full GC) sampled every ~2 MB of output: it must not grow with the rows.
    const retained = () => {
      gc();
      return process.memoryUsage().heapUsed;
    };
    const before = retained();
    let peak = 0;
    let bytes = 0;
    let lines = 0;
    let nextSample = 0;
    const run = await startExport(t.db, principal, form, { format: "csv" }, "en", "UTC");
    for await (const chunk of run.stream) {
      bytes += (chunk as Buffer).length;
      for (const byte of chunk as Buffer) if (byte === 10) lines++;
      if (bytes >= nextSample) {
        peak = Math.max(peak, retained() - before);
        nextSample += 2_000_000;
      }
    }
    expect(await run.done).toBe(20_000);
    expect(lines).toBe(20_001);
    // Holding every row would retain more than the 20 MB file; one batch of 1,000 is about 1 MB.
    expect(bytes).toBeGreaterThan(20_000_000);
    console.log(`export 20k rows: ${bytes} bytes, peak retained heap ${Math.round(peak / 1e6)} MB`);
    expect(peak).toBeLessThan(bytes / 2);

    // XLSX through exceljs's streaming writer: the same bound (the zip is far smaller than the CSV).
    const xlsxBefore = retained();
    let xlsxPeak = 0;
    let xlsxBytes = 0;
    let chunks = 0;
    const xlsx = await startExport(t.db, principal, form, { format: "xlsx" }, "en", "UTC");
    for await (const chunk of xlsx.stream) {
      xlsxBytes += (chunk as Buffer).length;
      if (++chunks % 5 === 0) xlsxPeak = Math.max(xlsxPeak, retained() - xlsxBefore);
    }
    expect(await xlsx.done).toBe(20_000);
    console.log(`xlsx 20k rows: ${xlsxBytes} bytes, peak retained heap ${Math.round(xlsxPeak / 1e6)} MB`);
    expect(chunks).toBeGreaterThan(10);
    expect(xlsxPeak).toBeLessThan(10_000_000);
  }, 300_000);
});
