// The organisation API: members, invites, departments, roles; the directory members read for pickers;
// disabling that ends sessions and tokens at once; no self-escalation; every refusal a code + pointer.
import { randomBytes } from "node:crypto";
import { createDepartment } from "@formwork/db";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../src/database";
import { auditedChange } from "../src/plugins/org/hooks";
import { serverTestDatabases as testDatabases } from "./databases";
import { CSRF, errorOf, startTestApp, type TestApp } from "./harness";

const sessionOf = (response: LightMyRequestResponse) =>
  response.cookies.find((c) => c.name === "formwork_session")?.value;

describe.each(testDatabases())("organisation ($name)", (database) => {
  let t: TestApp;
  let adminId: string;
  beforeAll(async () => {
    t = await startTestApp(database);
    adminId = (await t.admin.request("GET", "/api/me")).json().user.id;
  });
  afterAll(async () => t?.close());

  const login = (email: string, password: string) =>
    t.app.inject({ method: "POST", url: "/api/auth/login", headers: CSRF, payload: { email, password } });
  const withCookie = (method: "GET" | "POST", url: string, cookie: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      headers: { ...CSRF, cookie: `formwork_session=${cookie}` },
      ...(payload ? { payload } : {}),
    });
  const department = async (name: string, parentId?: string) => {
    const response = await t.admin.request("POST", "/api/org/departments", {
      name,
      ...(parentId ? { parentId } : {}),
    });
    expect(response.statusCode).toBe(201);
    return response.json<{ id: string }>().id;
  };
  const member = async (body: Record<string, unknown>) => {
    const response = await t.admin.request("POST", "/api/org/members", body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: string; invite?: { token: string; path: string; expiresAt: string } }>();
  };

  it("builds, renames, moves and deletes departments; refuses cycles, twins and busy deletes", async () => {
    const root = await department("总公司");
    const sales = await department("销售部", root);
    const east = await department("华东区", sales);
    const list = (await t.admin.request("GET", "/api/org/departments")).json().departments;
    expect(list.map((d: { name: string }) => d.name)).toEqual(["总公司", "销售部", "华东区"]);

    const renamed = await t.admin.request("PATCH", `/api/org/departments/${east}`, { name: "华东大区" });
    expect(renamed.json()).toMatchObject({ name: "华东大区", parentId: sales });
    const moved = await t.admin.request("PATCH", `/api/org/departments/${east}`, { parentId: root });
    expect(moved.json()).toMatchObject({ parentId: root });

    expect(
      errorOf(await t.admin.request("PATCH", `/api/org/departments/${root}`, { parentId: east })),
    ).toEqual({
      status: 422,
      code: "VALIDATION_FAILED",
      path: "/parentId",
    });
    expect(
      errorOf(await t.admin.request("POST", "/api/org/departments", { name: "销售部", parentId: root })),
    ).toEqual({ status: 409, code: "UNIQUE_VIOLATION", path: "/name" });
    expect(errorOf(await t.admin.request("DELETE", `/api/org/departments/${root}`))).toMatchObject({
      status: 409,
      code: "CONFLICT",
    });
    expect((await t.admin.request("DELETE", `/api/org/departments/${east}`)).statusCode).toBe(204);
    expect(errorOf(await t.admin.request("DELETE", `/api/org/departments/${east}`))).toMatchObject({
      status: 404,
      code: "NOT_FOUND",
    });
  });

  it("answers bad input with a code and a pointer, and never assigns system fields", async () => {
    const cases: [string, string, unknown, { status: number; code: string; path: string | undefined }][] = [
      [
        "POST",
        "/api/org/departments",
        { name: "" },
        { status: 422, code: "VALIDATION_FAILED", path: "/name" },
      ],
      [
        "POST",
        "/api/org/departments",
        { name: "x", parentId: "nope" },
        { status: 422, code: "VALIDATION_FAILED", path: "/parentId" },
      ],
      [
        "POST",
        "/api/org/departments",
        { name: "x", id: randomUuid() },
        { status: 422, code: "UNKNOWN_FIELD", path: "/id" },
      ],
      [
        "POST",
        "/api/org/members",
        { email: "bad", name: "x" },
        { status: 422, code: "VALIDATION_FAILED", path: "/email" },
      ],
      [
        "POST",
        "/api/org/members",
        { email: "m@example.com", name: "x", disabled: false, invited: false },
        { status: 422, code: "UNKNOWN_FIELD", path: "/disabled" },
      ],
      [
        "POST",
        "/api/org/members",
        { email: "m@example.com", name: "x", departmentIds: [randomUuid()] },
        { status: 404, code: "NOT_FOUND", path: "/departmentIds/0" },
      ],
      [
        "PATCH",
        `/api/org/members/${randomUuid()}`,
        { status: "active" },
        { status: 422, code: "UNKNOWN_FIELD", path: "/status" },
      ],
      [
        "PATCH",
        `/api/org/members/${randomUuid()}`,
        { name: "x" },
        { status: 404, code: "NOT_FOUND", path: undefined },
      ],
      [
        "PATCH",
        "/api/org/members/not-an-id",
        { name: "x" },
        { status: 400, code: "BAD_REQUEST", path: "/id" },
      ],
      [
        "POST",
        "/api/org/roles",
        { groupId: randomUuid(), name: "x" },
        { status: 404, code: "NOT_FOUND", path: "/groupId" },
      ],
      ["GET", "/api/org/members?limit=0", undefined, { status: 400, code: "BAD_REQUEST", path: "/limit" }],
    ];
    for (const [method, url, body, expected] of cases) {
      const response = await t.admin.request(method as "POST", url, body);
      expect({ method, url, ...errorOf(response) }).toEqual({ method, url, ...expected });
    }
    const members = await t.db
      .selectFrom("users")
      .select("email")
      .where("email", "=", "m@example.com")
      .execute();
    expect(members).toEqual([]);
  });

  it("creates members with departments and roles; lists them by search, department and page in SQL", async () => {
    const hq = await department("集团");
    const ops = await department("运营", hq);
    const ops1 = await department("运营一组", ops);
    for (let i = 0; i < 5; i++) {
      await member({
        email: `ops${i}@example.com`,
        name: `运营同事${i}`,
        password: "password-123",
        departmentIds: i < 2 ? [ops] : [ops1, ops],
      });
    }
    const created = await member({
      email: "Lead@Example.com",
      name: "王经理",
      password: "password-123",
      departmentIds: [ops1, hq],
      primaryDepartmentId: hq,
    });
    const full = (await t.admin.request("GET", `/api/org/members/${created.id}`)).json();
    expect(full).toMatchObject({ email: "lead@example.com", status: "active", isAdmin: false });
    expect(full.departments.map((d: { id: string; primary: boolean }) => [d.id, d.primary])).toEqual([
      [hq, true],
      [ops1, false],
    ]);

    const search = (await t.admin.request("GET", `/api/org/members?q=${encodeURIComponent("经理")}`)).json();
    expect(search.members.map((m: { name: string }) => m.name)).toEqual(["王经理"]);
    const direct = (await t.admin.request("GET", `/api/org/members?departmentId=${ops}`)).json();
    expect(direct.total).toBe(5);
    const either = (
      await t.admin.request("GET", `/api/org/members?departmentId=${hq}&departmentId=${ops1}`)
    ).json();
    expect(either.total).toBe(4);
    const chosen = await t.admin.request(
      "GET",
      `/api/org/members?ids=${created.id}&ids=${adminId}&ids=${randomUuid()}`,
    );
    expect(
      chosen
        .json()
        .members.map((m: { name: string }) => m.name)
        .sort(),
    ).toEqual(["Admin", "王经理"]);
    const sub = (
      await t.admin.request("GET", `/api/org/members?departmentId=${hq}&includeSub=true&limit=4`)
    ).json();
    expect(sub.total).toBe(6);
    expect(sub.members).toHaveLength(4);
    const last = (
      await t.admin.request("GET", `/api/org/members?departmentId=${hq}&includeSub=true&limit=4&offset=4`)
    ).json();
    expect(last.members).toHaveLength(2);
    const past = (
      await t.admin.request("GET", `/api/org/members?departmentId=${hq}&includeSub=true&offset=50`)
    ).json();
    expect(past).toEqual({ total: 6, members: [] });
    // A LIKE wildcard is searched for literally.
    expect((await t.admin.request("GET", "/api/org/members?q=%25")).json().total).toBe(0);

    const duplicate = await t.admin.request("POST", "/api/org/members", {
      email: "lead@example.com",
      name: "x",
    });
    expect(errorOf(duplicate)).toEqual({ status: 409, code: "CONFLICT", path: "/email" });
  });

  it("shows other members only the directory, and no writes", async () => {
    const plain = await t.newUser("reader@example.com");
    const directory = (await plain.request("GET", "/api/org/members?q=reader")).json();
    expect(directory.members).toEqual([{ id: plain.id, name: "reader@example.com", departments: [] }]);
    expect((await plain.request("GET", "/api/org/departments")).statusCode).toBe(200);
    expect((await plain.request("GET", "/api/org/role-groups")).statusCode).toBe(200);
    for (const [method, url, body] of [
      ["POST", "/api/org/departments", { name: "mine" }],
      ["POST", "/api/org/members", { email: "x@example.com", name: "x" }],
      ["PATCH", `/api/org/members/${plain.id}`, { isAdmin: true }],
      ["PUT", `/api/org/members/${plain.id}/roles`, { roleIds: [] }],
      ["POST", "/api/org/role-groups", { name: "mine" }],
      ["POST", `/api/org/members/${adminId}/disable`, undefined],
    ] as const) {
      expect({ url, ...errorOf(await plain.request(method, url, body)) }).toMatchObject({
        url,
        status: 403,
        code: "FORBIDDEN",
      });
    }
    // Disabled members are not in the directory.
    await t.admin.request("POST", `/api/org/members/${plain.id}/disable`);
    const admin = (await t.admin.request("GET", "/api/org/members?q=reader")).json().members;
    expect(admin[0]).toMatchObject({ status: "disabled" });
    const other = await t.newUser("reader2@example.com");
    expect(
      (await other.request("GET", "/api/org/members?q=reader"))
        .json()
        .members.map((m: { id: string }) => m.id),
    ).toEqual([other.id]);
    expect(errorOf(await other.request("GET", `/api/org/members/${plain.id}`)).status).toBe(404);
  });

  it("disabling ends the member's sessions and API tokens at once; enabling lets them sign in again", async () => {
    const created = await member({ email: "leaver@example.com", name: "Leaver", password: "password-123" });
    const cookie = sessionOf(await login("leaver@example.com", "password-123"))!;
    const token = (await withCookie("POST", "/api/tokens", cookie, { name: "cli" })).json().token as string;
    const bearer = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ method: "GET", url: "/api/me", headers: bearer })).statusCode).toBe(200);

    const disabled = await t.admin.request("POST", `/api/org/members/${created.id}/disable`);
    expect(disabled.json()).toMatchObject({ status: "disabled" });
    expect((await withCookie("GET", "/api/me", cookie)).statusCode).toBe(401);
    expect((await t.app.inject({ method: "GET", url: "/api/me", headers: bearer })).statusCode).toBe(401);
    const sessions = await t.db
      .selectFrom("sessions")
      .select("id")
      .where("user_id", "=", created.id)
      .execute();
    expect(sessions).toEqual([]);
    expect(errorOf(await login("leaver@example.com", "password-123"))).toMatchObject({ status: 401 });

    await t.admin.request("POST", `/api/org/members/${created.id}/enable`);
    expect((await login("leaver@example.com", "password-123")).statusCode).toBe(200);
    // A revoked token stays revoked: re-enabling does not resurrect credentials.
    expect((await t.app.inject({ method: "GET", url: "/api/me", headers: bearer })).statusCode).toBe(401);
    expect(errorOf(await t.admin.request("POST", `/api/org/members/${adminId}/disable`))).toEqual({
      status: 403,
      code: "FORBIDDEN",
      path: "",
    });
  });

  it("invites: a single-use link; invalid, expired and used links all get the same answer", async () => {
    const invited = await member({ email: "new@example.com", name: "新人" });
    expect(invited).toMatchObject({ status: "invited", invite: { path: "/invite" } });
    const token = invited.invite!.token;
    expect(Buffer.from(token, "base64url").length).toBeGreaterThanOrEqual(16);
    const stored = await t.db
      .selectFrom("invites")
      .select("token_hash")
      .where("user_id", "=", invited.id)
      .execute();
    expect(stored.map((s) => s.token_hash)).not.toContain(token);
    // Not signed in until they accept.
    expect((await login("new@example.com", "anything-123")).statusCode).toBe(401);

    const lookup = await t.anonymous.request("POST", "/api/org/invites/lookup", { token }, CSRF);
    expect(lookup.json()).toEqual({ name: "新人", email: "new@example.com" });
    const accept = (body: object) => t.anonymous.request("POST", "/api/org/invites/accept", body, CSRF);
    const short = await accept({ token, name: "新人", password: "short" });
    expect(errorOf(short)).toMatchObject({ status: 422, path: "/password" });
    const accepted = await accept({ token, name: "新同事", password: "password-123" });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().user).toMatchObject({ email: "new@example.com", name: "新同事" });
    expect((await withCookie("GET", "/api/me", sessionOf(accepted)!)).statusCode).toBe(200);
    expect((await login("new@example.com", "password-123")).statusCode).toBe(200);

    const used = await accept({ token, name: "again", password: "password-456" });
    const unknown = await accept({
      token: randomBytes(32).toString("base64url"),
      name: "x",
      password: "password-456",
    });
    const garbage = await accept({ token: "../../etc", name: "x", password: "password-456" });
    const later = await member({ email: "late@example.com", name: "Late" });
    await t.db
      .updateTable("invites")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where("user_id", "=", later.id)
      .execute();
    const expired = await accept({ token: later.invite!.token, name: "x", password: "password-456" });
    for (const response of [used, unknown, garbage, expired]) {
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual(used.json());
    }
    expect(
      errorOf(await t.anonymous.request("POST", "/api/org/invites/lookup", { token }, CSRF)).status,
    ).toBe(404);

    // A new link replaces the old one; a joined member gets no link; a disabled invitee's link dies.
    const again = await t.admin.request("POST", `/api/org/members/${later.id}/invite`);
    expect(again.statusCode).toBe(201);
    expect(errorOf(await t.admin.request("POST", `/api/org/members/${invited.id}/invite`))).toMatchObject({
      status: 409,
      code: "CONFLICT",
    });
    await t.admin.request("POST", `/api/org/members/${later.id}/disable`);
    const dead = await accept({ token: again.json().token, name: "x", password: "password-456" });
    expect(dead.json()).toEqual(used.json());
  });

  it("an admin sets a member's password: invitees join, other sessions end, a demo account needs enabling too", async () => {
    const setPassword = (id: string, body: object) =>
      t.admin.request("POST", `/api/org/members/${id}/password`, body);
    // An invitee: joined from now on, and the link stops working.
    const invitee = await member({ email: "set-invitee@example.com", name: "待加入" });
    const joined = await setPassword(invitee.id, { password: "given-password-1" });
    expect(joined.statusCode, joined.body).toBe(200);
    expect(joined.json()).toMatchObject({ status: "active" });
    expect((await login("set-invitee@example.com", "given-password-1")).statusCode).toBe(200);
    const lookup = await t.anonymous.request(
      "POST",
      "/api/org/invites/lookup",
      { token: invitee.invite!.token },
      CSRF,
    );
    expect(lookup.statusCode).toBe(404);

    // An active member: the old password and their sessions end.
    const active = await member({
      email: "set-active@example.com",
      name: "Forgetful",
      password: "old-password-1",
    });
    const cookie = sessionOf(await login("set-active@example.com", "old-password-1"))!;
    expect((await withCookie("GET", "/api/me", cookie)).statusCode).toBe(200);
    expect((await setPassword(active.id, { password: "new-password-1" })).statusCode).toBe(200);
    expect((await withCookie("GET", "/api/me", cookie)).statusCode).toBe(401);
    expect((await login("set-active@example.com", "old-password-1")).statusCode).toBe(401);
    expect((await login("set-active@example.com", "new-password-1")).statusCode).toBe(200);

    // A template's demo account (disabled, no password hash): a password alone does not let it in.
    const demoId = randomUuid();
    await t.db
      .insertInto("users")
      .values({ id: demoId, email: "rep-01.x@demo.invalid", name: "李明", password_hash: "", disabled: true })
      .execute();
    expect((await setPassword(demoId, { password: "demo-password-1" })).json()).toMatchObject({
      status: "disabled",
    });
    expect((await login("rep-01.x@demo.invalid", "demo-password-1")).statusCode).toBe(401);
    await t.admin.request("POST", `/api/org/members/${demoId}/enable`);
    expect((await login("rep-01.x@demo.invalid", "demo-password-1")).statusCode).toBe(200);

    // Refusals: one's own, too short, unknown, extra properties, and anyone but an admin.
    expect(errorOf(await setPassword(adminId, { password: "password-123" }))).toMatchObject({
      status: 403,
      code: "FORBIDDEN",
    });
    expect(errorOf(await setPassword(active.id, { password: "short" }))).toMatchObject({
      status: 422,
      path: "/password",
    });
    expect(errorOf(await setPassword(active.id, { password: "password-123", isAdmin: true }))).toMatchObject({
      status: 422,
    });
    expect(errorOf(await setPassword(randomUuid(), { password: "password-123" }))).toMatchObject({
      status: 404,
      code: "NOT_FOUND",
    });
    const other = sessionOf(await login("set-active@example.com", "new-password-1"))!;
    const denied = await withCookie("POST", `/api/org/members/${invitee.id}/password`, other, {
      password: "password-123",
    });
    expect(errorOf(denied)).toMatchObject({ status: 403 });
    const audit = await t.db
      .selectFrom("audit_log")
      .select("action")
      .where("target_id", "=", active.id)
      .where("action", "=", "member.password")
      .execute();
    expect(audit).toHaveLength(1);
  });

  it("roles and groups; nobody changes their own roles or admin flag", async () => {
    const group = (await t.admin.request("POST", "/api/org/role-groups", { name: "职务" })).json().id;
    const role = (await t.admin.request("POST", "/api/org/roles", { groupId: group, name: "财务" })).json()
      .id;
    expect(
      errorOf(await t.admin.request("POST", "/api/org/roles", { groupId: group, name: "财务" })),
    ).toEqual({
      status: 409,
      code: "UNIQUE_VIOLATION",
      path: "/name",
    });
    const someone = await member({
      email: "finance@example.com",
      name: "财务小李",
      password: "password-123",
    });
    expect(
      (await t.admin.request("POST", `/api/org/roles/${role}/members`, { userIds: [someone.id] })).statusCode,
    ).toBe(204);
    const groups = (await t.admin.request("GET", "/api/org/role-groups")).json().groups;
    expect(groups.find((g: { id: string }) => g.id === group).roles).toEqual([
      { id: role, groupId: group, name: "财务", sortOrder: 0, memberCount: 1 },
    ]);
    const byRole = (await t.admin.request("GET", `/api/org/members?roleId=${role}`)).json();
    expect(byRole.members.map((m: { id: string }) => m.id)).toEqual([someone.id]);

    expect(
      errorOf(await t.admin.request("PATCH", `/api/org/members/${adminId}`, { isAdmin: false })),
    ).toEqual({
      status: 403,
      code: "FORBIDDEN",
      path: "/isAdmin",
    });
    expect(
      errorOf(await t.admin.request("PUT", `/api/org/members/${adminId}/roles`, { roleIds: [role] })),
    ).toEqual({
      status: 403,
      code: "FORBIDDEN",
      path: "/roleIds",
    });
    expect(
      errorOf(
        await t.admin.request("POST", `/api/org/roles/${role}/members`, { userIds: [someone.id, adminId] }),
      ),
    ).toEqual({ status: 403, code: "FORBIDDEN", path: "/userIds/1" });
    // Unchanged values are not a change: an admin may save their own profile.
    const self = await t.admin.request("PATCH", `/api/org/members/${adminId}`, {
      name: "Admin",
      isAdmin: true,
      roleIds: [],
    });
    expect(self.statusCode).toBe(200);
    // Admins manage other admins' roles and flags.
    const updated = await t.admin.request("PATCH", `/api/org/members/${someone.id}`, {
      isAdmin: true,
      roleIds: [],
    });
    expect(updated.json()).toMatchObject({ isAdmin: true, roleIds: [] });

    expect(errorOf(await t.admin.request("DELETE", `/api/org/role-groups/${group}`))).toMatchObject({
      status: 409,
    });
    expect((await t.admin.request("DELETE", `/api/org/roles/${role}`)).statusCode).toBe(204);
    expect((await t.admin.request("DELETE", `/api/org/role-groups/${group}`)).statusCode).toBe(204);
  });

  it("sets department heads and members through the API", async () => {
    const dep = await department("财务部");
    const a = await member({ email: "head@example.com", name: "主管", password: "password-123" });
    const b = await member({ email: "staff@example.com", name: "职员", password: "password-123" });
    const heads = await t.admin.request("PUT", `/api/org/departments/${dep}/heads`, { userIds: [a.id] });
    expect(heads.json()).toMatchObject({ headIds: [a.id], memberCount: 1 });
    const added = await t.admin.request("POST", `/api/org/departments/${dep}/members`, { userIds: [b.id] });
    expect(added.json()).toMatchObject({ memberCount: 2 });
    expect(
      errorOf(
        await t.admin.request("POST", `/api/org/departments/${dep}/members`, { userIds: [randomUuid()] }),
      ),
    ).toEqual({
      status: 404,
      code: "NOT_FOUND",
      path: "/userIds/0",
    });
    expect((await t.admin.request("DELETE", `/api/org/departments/${dep}/members/${b.id}`)).statusCode).toBe(
      204,
    );
    expect(
      errorOf(await t.admin.request("DELETE", `/api/org/departments/${dep}/members/${b.id}`)).status,
    ).toBe(404);
  });

  it("writes the audit event in the change's transaction: a failing audit undoes the change", async () => {
    const seen: string[] = [];
    const change = auditedChange(t.db, {
      audit: async (trx, event) => {
        // The change is visible inside the transaction the audit writer is given.
        const row = await trx
          .selectFrom("departments")
          .select("name")
          .where("id", "=", event.targetId)
          .executeTakeFirst();
        seen.push(`${event.action}:${row?.name}`);
        if (row?.name === "审计失败") throw new Error("audit store down");
      },
    });
    const kept = await change(
      (d) => ({ action: "department.create", actorId: adminId, targetId: d.id }),
      (trx: Db) => createDepartment(trx, { name: "审计成功" }),
    );
    await expect(
      change(
        (d) => ({ action: "department.create", actorId: adminId, targetId: d.id }),
        (trx: Db) => createDepartment(trx, { name: "审计失败" }),
      ),
    ).rejects.toThrow("audit store down");
    expect(seen).toEqual(["department.create:审计成功", "department.create:审计失败"]);
    const names = (await t.db.selectFrom("departments").select("name").execute()).map((r) => r.name);
    expect(names).toContain("审计成功");
    expect(names).not.toContain("审计失败");
    expect(kept.name).toBe("审计成功");
  });

  it("documents the routes in OpenAPI", async () => {
    const doc = (await t.anonymous.request("GET", "/api/openapi.json")).json();
    for (const path of [
      "/api/org/members",
      "/api/org/members/{id}/disable",
      "/api/org/members/{id}/password",
      "/api/org/invites/accept",
      "/api/org/departments/{id}",
      "/api/org/role-groups",
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
  });
});

function randomUuid(): string {
  return `0190a000-0000-7000-8000-${randomBytes(6).toString("hex")}`;
}
