// The CRM template's automations, installed from the gallery and driven by the test clock: follow-up
// reminders the day before and on the day, a logged follow-up updating its customer, the public pool
// (a warning at 27 idle days, back to the pool with no owner 3 days later), lead assignment to the
// least loaded rep of the region, a won deal making a contract draft and a commission from a formula,
// and tags that group customers (高价值, 沉睡). On PGlite and PostgreSQL.
import { resolve } from "node:path";
import { addRoleMembers } from "@formwork/db";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverTestDatabases as testDatabases } from "./databases";
import { startTestApp, type TestApp } from "./harness";

const TEMPLATES = resolve(__dirname, "../../../templates");
const ZONE_OFFSET_MS = 8 * 3600_000; // Asia/Shanghai, the default zone: no daylight saving.
const DAY = 86_400_000;

type Data = Record<string, unknown>;

describe.each(testDatabases())("CRM automations ($name)", (database) => {
  let t: TestApp;
  const forms = new Map<string, string>();
  let installedAppId: string;
  const users = new Map<string, string>();

  beforeAll(async () => {
    t = await startTestApp(
      database,
      { testClock: true, automations: { enabled: false }, workflowTimers: { enabled: false } },
      { templatesDir: TEMPLATES },
    );
    const installed = await t.admin.request("POST", "/api/templates/crm/install", { sampleData: false });
    if (installed.statusCode !== 201) throw new Error(installed.body);
    expect(installed.json().installed.automations).toBeGreaterThanOrEqual(12);
    for (const form of installed.json().forms) forms.set(form.key, form.id);
    installedAppId = installed.json().app.id;
    // Demo members are disabled users (no sign-in); these get notifications only when enabled.
    await sql`UPDATE users SET disabled = false WHERE email LIKE 'demo-%' OR disabled`.execute(t.db);
    for (const row of await t.db.selectFrom("users").select(["id", "name"]).execute())
      users.set(row.name, row.id);
  }, 180_000);
  afterAll(async () => t?.close());

  const create = async (form: string, data: Data) => {
    const response = await t.admin.request("POST", `/api/forms/${forms.get(form)}/records`, { data });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: string; version: number; data: Data }>();
  };
  const get = async (form: string, id: string) =>
    (await t.admin.request("GET", `/api/forms/${forms.get(form)}/records/${id}`)).json<{
      id: string;
      version: number;
      data: Data;
    }>();
  const patch = async (form: string, id: string, data: Data) => {
    const current = await get(form, id);
    const response = await t.admin.request(
      "PATCH",
      `/api/forms/${forms.get(form)}/records/${id}`,
      { data },
      { "if-match": `"${current.version}"` },
    );
    expect(response.statusCode, response.body).toBe(200);
  };
  const list = async (form: string, filter: unknown) => {
    const query = encodeURIComponent(JSON.stringify(filter));
    const response = await t.admin.request(
      "GET",
      `/api/forms/${forms.get(form)}/records?limit=100&filter=${query}`,
    );
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ records: { id: string; data: Data }[] }>().records;
  };
  const notes = async (user: string) =>
    (
      await t.db
        .selectFrom("notifications")
        .select("title")
        .where("user_id", "=", user)
        .where("kind", "=", "automation")
        .orderBy("created_at")
        .execute()
    ).map((n) => n.title);
  const now = async () => new Date((await t.admin.request("GET", "/api/test/clock")).json().now as string);
  const advanceTo = async (target: Date) => {
    const minutes = Math.ceil((target.getTime() - (await now()).getTime()) / 60_000);
    const moved = await t.admin.request("POST", "/api/test/clock", { minutes });
    expect(moved.statusCode, moved.body).toBe(200);
  };
  const advanceDays = async (days: number) => {
    const moved = await t.admin.request("POST", "/api/test/clock", { days });
    expect(moved.statusCode, moved.body).toBe(200);
  };
  /** The instant of local time hh:mm on the local day `days` after the clock's today. */
  const localAt = async (days: number, hours: number, minutes: number) => {
    const local = new Date((await now()).getTime() + ZONE_OFFSET_MS);
    const midnight = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
    return new Date(midnight + days * DAY + (hours * 60 + minutes) * 60_000 - ZONE_OFFSET_MS);
  };

  it("reminds the owner the day before and on the day of the next follow-up", async () => {
    const rep = users.get("李明")!;
    const customer = await create("customers", { name: "提醒客户", owner: rep, status: "interested" });
    await create("followups", {
      customer: customer.id,
      method: "phone",
      content: "约下周见面",
      followed_at: (await now()).toISOString(),
      next_at: (await localAt(2, 10, 0)).toISOString(),
    });
    await advanceTo(await localAt(1, 17, 30));
    expect(await notes(rep)).toEqual(["明天需跟进客户：提醒客户"]);
    await advanceTo(await localAt(1, 8, 30));
    expect(await notes(rep)).toEqual(["明天需跟进客户：提醒客户", "今天需跟进客户：提醒客户"]);
  });

  it("a logged follow-up sets the customer's last and next follow-up time and clears its pool warning", async () => {
    const customer = await create("customers", {
      name: "跟进客户",
      owner: users.get("张伟"),
      status: "potential",
    });
    await patch("customers", customer.id, { tags: ["at_risk", "repeat"] });
    const followedAt = (await now()).toISOString();
    const nextAt = (await localAt(5, 15, 0)).toISOString();
    await create("followups", {
      customer: customer.id,
      method: "visit",
      content: "拜访",
      followed_at: followedAt,
      next_at: nextAt,
    });
    const after = (await get("customers", customer.id)).data;
    expect(Date.parse(after.last_followup as string)).toBe(Date.parse(followedAt));
    expect(Date.parse(after.next_followup as string)).toBe(Date.parse(nextAt));
    expect(after.tags).toEqual(["repeat"]);
  });

  it("warns the owner of a customer idle 27 days, then returns it to the public pool 3 days later", async () => {
    const rep = users.get("王芳")!;
    const idle = await create("customers", { name: "沉默客户", owner: rep, status: "interested" });
    const busy = await create("customers", { name: "活跃客户", owner: rep, status: "interested" });
    const won = await create("customers", { name: "成交客户", owner: rep, status: "won" });
    for (const customer of [idle, busy, won]) {
      await create("followups", {
        customer: customer.id,
        method: "phone",
        content: "首次电话",
        followed_at: (await now()).toISOString(),
      });
    }
    await advanceDays(20);
    await create("followups", {
      customer: busy.id,
      method: "wechat",
      content: "微信沟通",
      followed_at: (await now()).toISOString(),
    });
    await advanceDays(8);
    expect((await get("customers", idle.id)).data).toMatchObject({ status: "interested", owner: rep });
    expect((await get("customers", idle.id)).data.pool_warned).toBeTruthy();
    expect(await notes(rep)).toEqual(["客户「沉默客户」已 27 天未跟进，3 天内不跟进将退回公海"]);
    await advanceDays(3);
    const pooled = (await get("customers", idle.id)).data;
    expect(pooled).toMatchObject({ status: "pool" });
    expect(pooled.owner ?? null).toBeNull();
    expect(pooled.pool_warned ?? null).toBeNull();
    expect((await get("customers", busy.id)).data).toMatchObject({ status: "interested", owner: rep });
    expect((await get("customers", won.id)).data).toMatchObject({ status: "won", owner: rep });
  });

  it("assigns new leads without an owner to the least loaded rep of their region", async () => {
    const owners = [];
    for (const [name, region] of [
      ["甲", "east"],
      ["乙", "east"],
      ["丙", "north"],
      ["丁", null],
    ] as const) {
      const lead = await create("leads", { name, source: "website", region, owner: null });
      owners.push((await get("leads", lead.id)).data.owner);
    }
    const mine = await create("leads", {
      name: "自带负责人",
      source: "ads",
      region: "east",
      owner: users.get("李明"),
    });
    expect((await get("leads", mine.id)).data.owner).toBe(users.get("李明"));
    // Open leads per rep: none yet, so the first of the region's list, then the next; a lead without a
    // region goes to the least loaded of all reps (李明 and 张伟 hold one each by then).
    expect(owners).toEqual([users.get("李明"), users.get("张伟"), users.get("黄磊"), users.get("王芳")]);
  });

  it("a won deal makes a contract draft and a commission from the amount's rate", async () => {
    const rep = users.get("李明")!;
    const customer = await create("customers", { name: "赢单客户", owner: rep, status: "interested" });
    const deal = await create("opportunities", {
      name: "年度框架",
      customer: customer.id,
      amount: 500000,
      expected_close: "2026-12-31",
      stage: "s70",
      owner: rep,
    });
    expect(await list("contracts", { "==": [{ var: "opportunity" }, deal.id] })).toEqual([]);
    await patch("opportunities", deal.id, { stage: "won" });
    const [contract, ...more] = await list("contracts", { "==": [{ var: "opportunity" }, deal.id] });
    expect(more).toEqual([]);
    expect(contract!.data).toMatchObject({
      name: "年度框架 合同",
      customer: customer.id,
      amount: 500000,
      owner: rep,
    });
    const [commission] = await list("commissions", { "==": [{ var: "contract" }, contract!.id] });
    expect(commission!.data).toMatchObject({
      rep,
      contract_amount: 500000,
      rate: 0.04,
      commission: 20000,
      status: "pending",
    });
  });

  it("tags customers 高价值 by grade and 沉睡 after 60 idle days", async () => {
    const rep = users.get("张伟")!;
    const big = await create("customers", { name: "大客户", owner: rep, status: "won", grade: "A" });
    const sleepy = await create("customers", { name: "沉睡客户", owner: rep, status: "won" });
    await create("followups", {
      customer: sleepy.id,
      method: "phone",
      content: "回访",
      followed_at: (await now()).toISOString(),
    });
    await advanceDays(1);
    expect((await get("customers", big.id)).data.tags).toEqual(["key_account"]);
    expect((await get("customers", sleepy.id)).data.tags ?? []).toEqual([]);
    await advanceDays(61);
    expect((await get("customers", sleepy.id)).data.tags).toEqual(["at_risk"]);
    expect(await list("customers", { hasAny: [{ var: "tags" }, ["key_account"]] })).toHaveLength(1);
  });

  it("refuses a claim past the limit of 50 customers outside the pool, with a clear message", async () => {
    const rep = users.get("刘洋")!;
    const batch = Array.from({ length: 50 }, (_, i) => ({
      data: { name: `配额客户 ${i}`, owner: rep, status: "potential" },
    }));
    const created = await t.admin.request("POST", `/api/forms/${forms.get("customers")}/records`, batch);
    expect(created.statusCode, created.body.slice(0, 300)).toBe(201);
    const pooled = await create("customers", { name: "公海待认领", status: "pool" });
    const current = await get("customers", pooled.id);
    const claim = await t.admin.request(
      "PATCH",
      `/api/forms/${forms.get("customers")}/records/${pooled.id}`,
      { data: { owner: rep, status: "interested" } },
      { "if-match": `"${current.version}"` },
    );
    expect(claim.statusCode).toBe(422);
    expect(claim.json().error.details[0]).toMatchObject({
      code: "QUOTA_EXCEEDED",
      path: "/data/owner",
      message: "每位负责人最多持有 50 个非公海客户：请先释放或转交部分客户再认领",
    });
    await patch("customers", pooled.id, { owner: users.get("杨帆"), status: "interested" });
  });

  it("the public pool: any rep sees it and claims a customer, which then is the claimer's alone", async () => {
    const role = await t.db
      .selectFrom("roles")
      .select("id")
      .where("name", "=", "销售代表")
      .executeTakeFirstOrThrow();
    const former = await t.newUser("pool-former@example.com");
    const claimer = await t.newUser("pool-claimer@example.com");
    await addRoleMembers(t.db, role.id, [former.id, claimer.id]);
    const customer = await create("customers", {
      name: "公海认领客户",
      owner: former.id,
      status: "interested",
      phone: "13800138000",
    });
    const url = `/api/forms/${forms.get("customers")}/records/${customer.id}`;
    // Reps see the customers they are 负责人 of, and no one else's.
    expect((await former.request("GET", url)).statusCode).toBe(200);
    expect((await claimer.request("GET", url)).statusCode).toBe(404);

    await patch("customers", customer.id, { status: "pool", owner: null });
    // In the pool it is every rep's to see and claim, its former owner's too.
    expect((await former.request("GET", url)).statusCode).toBe(200);
    const seen = await claimer.request("GET", url);
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json().data.name).toBe("公海认领客户");
    const claimed = await claimer.request(
      "PATCH",
      url,
      { data: { owner: claimer.id, status: "potential" } },
      { "if-match": seen.headers.etag as string },
    );
    expect(claimed.statusCode, claimed.body).toBe(200);
    const own = await claimer.request("GET", url);
    expect(own.json().data).toMatchObject({ owner: claimer.id, phone: "13800138000" });
    expect((await former.request("GET", url)).statusCode).toBe(404);
  });

  it("an approved contract makes its customer 成交 and lifts its pool warning", async () => {
    const customer = await create("customers", {
      name: "签约客户",
      owner: users.get("王芳"),
      status: "interested",
    });
    await patch("customers", customer.id, { pool_warned: (await now()).toISOString().slice(0, 10) });
    const contract = await create("contracts", {
      name: "签约合同",
      customer: customer.id,
      amount: 1000,
      signed_on: (await now()).toISOString().slice(0, 10),
    });
    // The contract flow's end, as the workflow runtime announces it (its approval path has its own tests).
    const events = t.app.recordEvents;
    await events.transaction(t.db, (tx) =>
      events.emitFlow(tx, {
        kind: "approved",
        appId: installedAppId,
        formId: forms.get("contracts")!,
        recordId: contract.id,
        instanceId: "00000000-0000-7000-8000-000000000001",
        actor: null,
      }),
    );
    const after = (await get("customers", customer.id)).data;
    expect(after.status).toBe("won");
    expect(after.pool_warned ?? null).toBeNull();
  });
});
