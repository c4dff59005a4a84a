// Link fill rules read the linked record with the writer's rights: naming a record id they may not
// view fills nothing, and a field hidden from them is not copied — else creating a record and reading
// it back would read around the linked form's permissions (the picker lists only what they may view).
import type { FormDefinition } from "@formwork/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverTestDatabases as testDatabases } from "../databases";
import { startTestApp, type TestApp } from "../harness";
import { addSet, makeOrg, type Org } from "../permissions-fixtures";

const CUSTOMERS: FormDefinition = {
  key: "fill_customers",
  name: "Customers",
  fields: [
    { id: "name", type: "text", label: "Name" },
    { id: "phone", type: "text", label: "Phone" },
    { id: "secret", type: "text", label: "Secret" },
  ],
};

const ORDERS: FormDefinition = {
  key: "fill_orders",
  name: "Orders",
  fields: [
    {
      id: "customer",
      type: "link",
      label: "Customer",
      form: "fill_customers",
      fill: [
        { from: "name", to: "customer_name" },
        { from: "phone", to: "customer_phone" },
        { from: "secret", to: "customer_secret" },
      ],
    },
    { id: "customer_name", type: "text", label: "Customer name" },
    { id: "customer_phone", type: "text", label: "Customer phone" },
    { id: "customer_secret", type: "text", label: "Customer secret" },
  ],
};

describe.each(testDatabases())("security: link fill ($name)", (database) => {
  let t: TestApp;
  let org: Org;
  let customers: string;
  let orders: string;
  let theirs: string;
  let own: string;
  beforeAll(async () => {
    t = await startTestApp(database);
    org = await makeOrg(t, "fill");
    const appId = (await t.admin.request("POST", "/api/apps", { name: "Fill" })).json().id;
    const publish = async (definition: FormDefinition) => {
      const form = await t.admin.request("POST", `/api/apps/${appId}/forms`, definition);
      expect(form.statusCode, form.body).toBe(201);
      expect((await t.admin.request("POST", `/api/forms/${form.json().id}/publish`)).statusCode).toBe(200);
      return form.json().id as string;
    };
    customers = await publish(CUSTOMERS);
    orders = await publish(ORDERS);
    // Alice sees her own customers without their secret; she may fill orders.
    await addSet(t, customers, {
      name: "Own",
      kind: "submit_own",
      fields: { secret: "hidden" },
      members: [{ type: "user", id: org.alice.id }],
    });
    await addSet(t, orders, {
      name: "All",
      kind: "manage_all",
      members: [{ type: "user", id: org.alice.id }],
    });
    const create = async (who: { request: TestApp["admin"]["request"] }, data: Record<string, unknown>) => {
      const r = await who.request("POST", `/api/forms/${customers}/records`, { data });
      expect(r.statusCode, r.body).toBe(201);
      return r.json().id as string;
    };
    theirs = await create(t.admin, { name: "Admin's", phone: "110", secret: "s1" });
    own = await create(org.alice, { name: "Alice's", phone: "120" });
    // The secret of her own customer is set by someone who may see it.
    const read = await t.admin.request("GET", `/api/forms/${customers}/records/${own}`);
    const patched = await t.admin.request(
      "PATCH",
      `/api/forms/${customers}/records/${own}`,
      { data: { secret: "s2" } },
      { "if-match": read.headers.etag as string },
    );
    expect(patched.statusCode, patched.body).toBe(200);
  });
  afterAll(async () => t?.close());

  const order = async (customer: string) => {
    const r = await org.alice.request("POST", `/api/forms/${orders}/records`, { data: { customer } });
    return r;
  };

  it("a record the writer may not view fills nothing", async () => {
    const r = await order(theirs);
    // The link itself is to a record that exists; what matters is that nothing of it is copied.
    if (r.statusCode === 201) {
      expect(r.json().data).toMatchObject({
        customer_name: null,
        customer_phone: null,
        customer_secret: null,
      });
      const stored = await t.admin.request("GET", `/api/forms/${orders}/records/${r.json().id}`);
      expect(stored.json().data).toMatchObject({
        customer_name: null,
        customer_phone: null,
        customer_secret: null,
      });
    } else {
      expect(r.statusCode).toBe(422);
    }
  });

  it("a record the writer may view fills its visible fields only", async () => {
    const r = await order(own);
    expect(r.statusCode, r.body).toBe(201);
    const stored = await t.admin.request("GET", `/api/forms/${orders}/records/${r.json().id}`);
    expect(stored.json().data).toMatchObject({
      customer_name: "Alice's",
      customer_phone: "120",
      customer_secret: null,
    });
  });

  it("an admin, who may see everything, gets everything filled", async () => {
    const r = await t.admin.request("POST", `/api/forms/${orders}/records`, { data: { customer: own } });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().data).toMatchObject({ customer_name: "Alice's", customer_secret: "s2" });
  });
});
