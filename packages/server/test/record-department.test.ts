// A new record's department (what "the owner's department" row conditions read, $deptId = dept_id) is
// its submitter's primary department, on every create path (one statement, the transaction path with
// references, a minimal batch); a submitter without one, or a public submission, leaves it null. PGlite
// and PostgreSQL.
import { createDepartment, setUserDepartments } from "@formwork/db";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverTestDatabases } from "./databases";
import { openForm } from "./fixtures";
import { CSRF, startTestApp, type TestApp } from "./harness";
import { DEALS, type Member } from "./permissions-fixtures";

describe.each(serverTestDatabases())("record department on create ($name)", (database) => {
  let t: TestApp;
  let formId: string;
  let url: string;
  let table: string;
  beforeAll(async () => {
    t = await startTestApp(database);
    formId = await openForm(t, DEALS);
    url = `/api/forms/${formId}/records`;
    const row = await t.db
      .selectFrom("forms")
      .select("table_name")
      .where("id", "=", formId)
      .executeTakeFirst();
    table = row!.table_name!;
  });
  afterAll(() => t.close());

  const deptOf = async (id: string) => {
    const { rows } = await sql<{ dept_id: string | null; owner_id: string | null }>`
      SELECT dept_id, owner_id FROM ${sql.table(table)} WHERE id = ${id}`.execute(t.db);
    return rows[0];
  };

  it("sets the submitter's primary department (not their other one), on every create path", async () => {
    const sales = await createDepartment(t.db, { name: "Sales" });
    const east = await createDepartment(t.db, { name: "East" });
    const rep: Member = await t.newUser("rep@example.com");
    await setUserDepartments(t.db, rep.id, [sales.id, east.id], east.id);

    const plain = await rep.request("POST", url, { data: { title: "plain" } });
    expect(plain.statusCode, plain.body).toBe(201);
    expect(await deptOf(plain.json().id)).toEqual({ dept_id: east.id, owner_id: rep.id });

    // A member field makes the create check references, in a transaction.
    const referencing = await rep.request("POST", url, { data: { title: "ref", rep: rep.id } });
    expect(referencing.statusCode, referencing.body).toBe(201);
    expect((await deptOf(referencing.json().id))?.dept_id).toBe(east.id);

    const batch = await rep.request("POST", url, [{ data: { title: "b1" } }, { data: { title: "b2" } }], {
      prefer: "return=minimal",
    });
    expect(batch.statusCode, batch.body).toBe(201);
    for (const { id } of batch.json().records) expect((await deptOf(id))?.dept_id).toBe(east.id);
  });

  it("fills a department field that defaults to the current department, unless one is given", async () => {
    const north = await createDepartment(t.db, { name: "North" });
    const other = await createDepartment(t.db, { name: "Other" });
    const rep: Member = await t.newUser("north-rep@example.com");
    await setUserDepartments(t.db, rep.id, [north.id], north.id);
    const quotes = await openForm(t, {
      key: "dept_defaults",
      name: "报价",
      fields: [
        { id: "title", type: "text", label: "标题" },
        { id: "owner", type: "member", label: "负责人", default: { currentUser: true } },
        { id: "department", type: "department", label: "部门", default: { currentDept: true } },
      ],
    });
    const created = await rep.request("POST", `/api/forms/${quotes}/records`, { data: { title: "q" } });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().data).toMatchObject({ owner: rep.id, department: north.id });
    const chosen = await rep.request("POST", `/api/forms/${quotes}/records`, {
      data: { title: "q2", department: other.id },
    });
    expect(chosen.json().data.department).toBe(other.id);
    // Without a department of their own the field stays empty.
    const loner: Member = await t.newUser("dept-loner@example.com");
    const alone = await loner.request("POST", `/api/forms/${quotes}/records`, { data: { title: "q3" } });
    expect(alone.json().data.department ?? null).toBeNull();
  });

  it("leaves it null for a submitter without a department", async () => {
    const loner: Member = await t.newUser("loner@example.com");
    const created = await loner.request("POST", url, { data: { title: "alone" } });
    expect(created.statusCode, created.body).toBe(201);
    expect(await deptOf(created.json().id)).toEqual({ dept_id: null, owner_id: loner.id });
    const byAdmin = await t.admin.request("POST", url, { data: { title: "admin" } });
    expect((await deptOf(byAdmin.json().id))?.dept_id).toBeNull();
  });

  it("leaves it null for a public submission (no user)", async () => {
    const link = await t.admin.request("POST", `/api/forms/${formId}/public-links`, {
      kind: "fill",
      displayFields: ["title"],
    });
    expect(link.statusCode, link.body).toBe(201);
    const submitted = await t.app.inject({
      method: "POST",
      url: `/api/public/forms/${link.json().token}/records`,
      headers: CSRF,
      payload: { data: { title: "from outside" } },
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    expect(await deptOf(submitted.json().id)).toEqual({ dept_id: null, owner_id: null });
  });
});
