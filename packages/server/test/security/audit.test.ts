// The audit log: logins (success and failure), member and permission changes, publishes, token and
// public-link creation/revocation are recorded in the change's transaction; admins browse with filters
// and keyset paging; nobody else may read it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverTestDatabases as testDatabases } from "../databases";
import { publishedForm } from "../fixtures";
import { ADMIN, CSRF, startTestApp, type TestApp } from "../harness";
import { dealsForm } from "../permissions-fixtures";

interface Entry {
  id: string;
  action: string;
  actorId: string | null;
  actorLabel: string;
  targetId: string | null;
  ip: string | null;
  detail: Record<string, unknown>;
}

describe.each(testDatabases())("security: audit log ($name)", (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(database);
  });
  afterAll(async () => t?.close());

  const audit = async (query = "") => {
    const r = await t.admin.request("GET", `/api/audit${query}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json<{ entries: Entry[]; nextCursor: string | null }>();
  };
  const adminId = async () => (await t.admin.request("GET", "/api/me")).json().user.id as string;

  it("records logins, failed ones with the address and no password", async () => {
    const login = (password: string) =>
      t.app.inject({
        method: "POST",
        url: "/api/auth/login",
        headers: CSRF,
        remoteAddress: "192.0.2.44",
        payload: { email: ADMIN.email, password },
      });
    expect((await login("not-the-password")).statusCode).toBe(401);
    expect((await login(ADMIN.password)).statusCode).toBe(200);
    const failed = (await audit("?action=auth.login.failed")).entries[0]!;
    expect(failed).toMatchObject({
      actorLabel: ADMIN.email,
      ip: "192.0.2.44",
      detail: { reason: "password" },
    });
    expect(JSON.stringify(failed)).not.toContain("not-the-password");
    expect((await audit("?action=auth.login")).entries[0]).toMatchObject({
      actorId: await adminId(),
      ip: "192.0.2.44",
    });
  });

  it("records token creation and revocation, and member changes", async () => {
    const created = (await t.admin.request("POST", "/api/tokens", { name: "audited", scope: "read" })).json();
    await t.admin.request("DELETE", `/api/tokens/${created.id}`);
    const tokens = (await audit("?action=token.")).entries;
    expect(tokens.map((e) => [e.action, e.targetId]).slice(0, 2)).toEqual([
      ["token.revoke", created.id],
      ["token.create", created.id],
    ]);
    expect(JSON.stringify(tokens)).not.toContain(created.token);
    const user = await t.newUser("audited-member@example.com");
    await t.admin.request("POST", `/api/org/members/${user.id}/disable`);
    expect((await audit("?action=member.disable")).entries[0]).toMatchObject({
      targetId: user.id,
      actorId: await adminId(),
    });
  });

  it("records publishes, permission set and app admin changes", async () => {
    const { formId, appId } = await dealsForm(t, "audited");
    expect((await audit("?action=form.publish")).entries[0]).toMatchObject({
      targetId: formId,
      detail: { version: 1 },
    });
    const set = await t.admin.request("POST", `/api/forms/${formId}/permission-sets`, {
      name: "All",
      kind: "view_all",
      members: [],
    });
    expect(set.statusCode, set.body).toBe(201);
    await t.admin.request("DELETE", `/api/permission-sets/${set.json().id}`);
    const sets = (await audit("?action=permissionSet.")).entries.map((e) => e.action);
    expect(sets.slice(0, 2)).toEqual(["permissionSet.delete", "permissionSet.create"]);
    await t.admin.request("PUT", `/api/apps/${appId}/admins`, { userIds: [] });
    expect((await audit("?action=app.admins")).entries[0]).toMatchObject({ targetId: appId });
  });

  it("a failed change leaves no audit row (same transaction)", async () => {
    const before = (await audit("?action=permissionSet.create")).entries.length;
    const formId = await publishedForm(t, {
      key: "audit_fail",
      name: "F",
      fields: [{ id: "title", type: "text", label: "T" }],
    });
    const bad = await t.admin.request("POST", `/api/forms/${formId}/permission-sets`, {
      name: "x",
      kind: "custom",
      members: [{ type: "user", id: "00000000-0000-7000-8000-000000000009" }],
    });
    expect(bad.statusCode).toBeGreaterThanOrEqual(400);
    expect((await audit("?action=permissionSet.create")).entries.length).toBe(before);
  });

  it("filters by actor and time and pages with a cursor in SQL", async () => {
    const all = await audit("?limit=200");
    const page1 = await audit("?limit=2");
    expect(page1.entries).toHaveLength(2);
    const page2 = await audit(`?limit=2&before=${page1.nextCursor}`);
    expect(page2.entries.map((e) => e.id)).toEqual(all.entries.slice(2, 4).map((e) => e.id));
    const mine = await audit(`?actor=${await adminId()}&limit=200`);
    expect(mine.entries.every((e) => e.actorId === (mine.entries[0]?.actorId ?? null))).toBe(true);
    expect(
      (await audit(`?from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).entries,
    ).toEqual([]);
    expect((await t.admin.request("GET", "/api/audit?action=a%3Bdrop")).statusCode).toBe(400);
    // A time that is not an RFC 3339 date-time is refused, never passed on to SQL.
    expect((await t.admin.request("GET", "/api/audit?from=yesterday")).statusCode).toBe(400);
  });

  it("only system administrators read the audit log", async () => {
    const member = await t.newUser("audit-reader@example.com");
    expect((await member.request("GET", "/api/audit")).statusCode).toBe(403);
    expect((await t.anonymous.request("GET", "/api/audit")).statusCode).toBe(401);
  });
});
