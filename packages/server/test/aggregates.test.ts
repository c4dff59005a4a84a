// Aggregation fields (聚合计算) computed on write: a customer's contract total follows every create,
// edit, move, delete and restore of its contracts in the same transaction, without bumping the
// customer's version; a publish that adds one fills it for existing records; a filter that reads the
// record's own fields follows that record's edits too.
import { resolve } from "node:path";
import type { FormDefinition } from "@formwork/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverTestDatabases as testDatabases } from "./databases";
import { startTestApp, type TestApp } from "./harness";

const CUSTOMERS: FormDefinition = {
  key: "customers",
  name: "Customers",
  fields: [
    { id: "name", type: "text", label: "Name" },
    { id: "grade", type: "text", label: "Grade" },
    {
      id: "total",
      type: "aggregate",
      label: "Contract total",
      form: "contracts",
      filter: { "==": [{ var: "customer" }, { var: "$record.id" }] },
      measure: "sum",
      field: "amount",
    },
    {
      id: "big",
      type: "aggregate",
      label: "Contracts of 100 or more",
      form: "contracts",
      filter: {
        and: [{ "==": [{ var: "$record.id" }, { var: "customer" }] }, { ">=": [{ var: "amount" }, 100] }],
      },
      measure: "count",
    },
    {
      id: "same_grade",
      type: "aggregate",
      label: "Amount of contracts of the customer's grade",
      form: "contracts",
      filter: { "==": [{ var: "grade" }, { var: "$record.grade" }] },
      measure: "sum",
      field: "amount",
    },
  ],
};

const CONTRACTS: FormDefinition = {
  key: "contracts",
  name: "Contracts",
  fields: [
    { id: "customer", type: "link", label: "Customer", form: "customers" },
    { id: "amount", type: "number", label: "Amount" },
    { id: "grade", type: "text", label: "Grade" },
    { id: "note", type: "text", label: "Note" },
  ],
};

describe.each(testDatabases())("aggregation fields ($name)", (database) => {
  let t: TestApp;
  let appId: string;
  let customers: string;
  let contracts: string;
  beforeAll(async () => {
    t = await startTestApp(database, {}, { templatesDir: resolve(__dirname, "../../../templates") });
    appId = (await t.admin.request("POST", "/api/apps", { name: "CRM" })).json().id;
    customers = await publish(CUSTOMERS);
    contracts = await publish(CONTRACTS);
  });
  afterAll(async () => t?.close());

  async function publish(definition: FormDefinition, formId?: string): Promise<string> {
    const id: string =
      formId ??
      (await t.admin.request("POST", `/api/apps/${appId}/forms`, definition).then((r) => {
        if (r.statusCode !== 201) throw new Error(r.body);
        return r.json().id as string;
      }));
    if (formId) {
      const draft = await t.admin.request("GET", `/api/forms/${id}`);
      const saved = await t.admin.request("PUT", `/api/forms/${id}`, definition, {
        "if-match": draft.headers.etag as string,
      });
      if (saved.statusCode >= 300) throw new Error(saved.body);
    }
    const published = await t.admin.request("POST", `/api/forms/${id}/publish`);
    if (published.statusCode !== 200) throw new Error(published.body);
    return id;
  }
  const create = async (formId: string, data: Record<string, unknown>) => {
    const response = await t.admin.request("POST", `/api/forms/${formId}/records`, { data });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: string; version: number; data: Record<string, unknown> };
  };
  const patch = async (formId: string, id: string, data: Record<string, unknown>) => {
    const read = await t.admin.request("GET", `/api/forms/${formId}/records/${id}`);
    const response = await t.admin.request(
      "PATCH",
      `/api/forms/${formId}/records/${id}`,
      { data },
      { "if-match": read.headers.etag as string },
    );
    expect(response.statusCode, response.body).toBe(200);
  };
  const get = async (id: string) =>
    (await t.admin.request("GET", `/api/forms/${customers}/records/${id}`)).json() as {
      version: number;
      data: Record<string, unknown>;
    };

  it("follows creates, edits, moves, deletes and restores of the linked records", async () => {
    const acme = await create(customers, { name: "Acme", grade: "A", total: 999 });
    const initech = await create(customers, { name: "Initech", grade: "B" });
    expect((await get(acme.id)).data).toMatchObject({ total: 0, big: 0 });

    const first = await create(contracts, { customer: acme.id, amount: 100, grade: "A" });
    const second = await create(contracts, { customer: acme.id, amount: 50, grade: "B" });
    await create(contracts, { customer: initech.id, amount: 30, grade: "B" });
    expect((await get(acme.id)).data).toMatchObject({ total: 150, big: 1 });
    expect((await get(initech.id)).data).toMatchObject({ total: 30, big: 0 });

    await patch(contracts, second.id, { amount: 120 });
    expect((await get(acme.id)).data).toMatchObject({ total: 220, big: 2 });

    await patch(contracts, second.id, { customer: initech.id });
    expect((await get(acme.id)).data).toMatchObject({ total: 100, big: 1 });
    expect((await get(initech.id)).data).toMatchObject({ total: 150, big: 1 });

    const binned = await t.admin.request("DELETE", `/api/forms/${contracts}/records/${first.id}`);
    expect(binned.statusCode, binned.body).toBeLessThan(300);
    expect((await get(acme.id)).data).toMatchObject({ total: 0, big: 0 });
    const restored = await t.admin.request("POST", `/api/forms/${contracts}/records/${first.id}/restore`);
    expect(restored.statusCode, restored.body).toBeLessThan(300);
    expect((await get(acme.id)).data).toMatchObject({ total: 100, big: 1 });

    // Derived data: the customer's version stays, so an editor open on it saves without a conflict.
    expect((await get(acme.id)).version).toBe(1);
  });

  it("tells the after-commit listeners (realtime) which customers' totals changed, and only those", async () => {
    const heard: { formId: string; kind: string; recordIds: string[] }[] = [];
    t.app.recordEvents.afterRecordsCommit((changes) => heard.push(changes));
    const ofCustomers = () => heard.filter((h) => h.formId === customers).flatMap((h) => h.recordIds);
    const hooli = await create(customers, { name: "Hooli", grade: "D" });
    const pied = await create(customers, { name: "Pied Piper", grade: "D" });
    heard.length = 0;

    const contract = await create(contracts, { customer: hooli.id, amount: 40, grade: "D" });
    expect(ofCustomers()).toEqual([hooli.id]);
    expect(heard.find((h) => h.formId === customers)?.kind).toBe("updated");
    // Moved: both customers' totals change.
    heard.length = 0;
    await patch(contracts, contract.id, { customer: pied.id });
    expect(ofCustomers().sort()).toEqual([hooli.id, pied.id].sort());
    // The same amount written again changes no total: nobody is told, nothing is rewritten.
    heard.length = 0;
    await patch(contracts, contract.id, { amount: 40, note: "again" });
    expect(ofCustomers()).toEqual([]);
  });

  it("recomputes a filter that reads the record's own fields when that record changes", async () => {
    const before = await create(customers, { name: "Globex", grade: "B" });
    // Contracts of grade B so far: 50→120 (moved to Initech) and 30.
    expect((await get(before.id)).data.same_grade).toBe(150);
    await patch(customers, before.id, { grade: "A" });
    expect((await get(before.id)).data.same_grade).toBe(100);
    // A new grade-A contract changes every grade-A customer's value (no link: all records).
    await create(contracts, { amount: 5, grade: "A" });
    expect((await get(before.id)).data.same_grade).toBe(105);
  });

  it("leaves other edits of the aggregated form alone and fills a newly published aggregation", async () => {
    const customer = await create(customers, { name: "Umbrella", grade: "C" });
    const contract = await create(contracts, { customer: customer.id, amount: 7, grade: "C" });
    await patch(contracts, contract.id, { note: "signed" });
    expect((await get(customer.id)).data.total).toBe(7);

    await publish(
      {
        ...CUSTOMERS,
        fields: [
          ...CUSTOMERS.fields,
          {
            id: "largest",
            type: "aggregate",
            label: "Largest contract",
            form: "contracts",
            filter: { "==": [{ var: "customer" }, { var: "$record.id" }] },
            measure: "max",
            field: "amount",
          },
        ],
      },
      customers,
    );
    expect((await get(customer.id)).data.largest).toBe(7);
    const filled = encodeURIComponent(JSON.stringify({ notEmpty: [{ var: "largest" }] }));
    const records = await t.admin.request(
      "GET",
      `/api/forms/${customers}/records?filter=${filled}&sort=-largest&limit=1`,
    );
    expect(records.statusCode, records.body).toBe(200);
    expect(records.json().records[0].data.largest).toBe(120);
  });

  it("are filled for the CRM's sample customers when the template installs", async () => {
    const installed = await t.admin.request("POST", "/api/templates/crm/install", {});
    expect(installed.statusCode, installed.body).toBe(201);
    const formId = (key: string) =>
      (installed.json().forms as { key: string; id: string }[]).find((f) => f.key === key)!.id;
    const q = (value: unknown) => encodeURIComponent(JSON.stringify(value));
    const top = await t.admin.request(
      "GET",
      `/api/forms/${formId("customers")}/records?filter=${q({ ">": [{ var: "contract_total" }, 0] })}&sort=-contract_total&limit=1`,
    );
    expect(top.statusCode, top.body).toBe(200);
    const customer = top.json().records[0];
    expect(customer, "a sample customer with contracts").toBeDefined();
    const contracts = await t.admin.request(
      "GET",
      `/api/forms/${formId("contracts")}/records?filter=${q({ "==": [{ var: "customer" }, customer.id] })}&limit=200`,
    );
    const sum = contracts
      .json()
      .records.reduce((s: number, r: { data: { amount: number } }) => s + r.data.amount, 0);
    expect(customer.data.contract_total).toBeCloseTo(sum, 2);
  });
});
