// Realtime (issue 7 item 5, issue 6's "sockets end at once") over real sockets: handshake auth (token,
// cookie with origin check), record hints filtered per event and viewer by the permission sets' row
// conditions and never carrying field values, disabled users / ended sessions / revoked tokens
// disconnected at once, notification counts pushed (whatever wrote them), designer presence and "form changed", and a client
// that reconnects. On PostgreSQL the app runs through the PostgreSQL adapter.
import type { RecordHint } from "@formwork/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverTestDatabases } from "./databases";
import { grantEveryone } from "./fixtures";
import { ADMIN, CSRF, startTestApp, type TestApp } from "./harness";
import { addSet, dealsForm, makeOrg, type Org } from "./permissions-fixtures";
import {
  collect,
  connect,
  drained,
  refusal,
  request,
  serverDisconnect,
  type TestSocket,
  waitFor,
} from "./realtime/sockets";
import { flowForm, oneApproval, submit } from "./workflow-fixtures";

describe.each(serverTestDatabases())("realtime ($name)", (database) => {
  let t: TestApp;
  let org: Org;
  let base: string;
  const sockets: TestSocket[] = [];
  let forms = 0;

  beforeAll(async () => {
    t = await startTestApp(database, {}, { pubsub: true });
    await t.app.listen({ port: 0, host: "127.0.0.1" });
    const address = t.app.server.address();
    base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
    org = await makeOrg(t, "rt");
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await t?.close();
  });

  const open = async (credentials: Parameters<typeof connect>[1]) => {
    const socket = await connect(base, credentials);
    sockets.push(socket);
    return socket;
  };

  /** Signs in with the password: the session cookie (as a browser holds it). */
  const sessionOf = async (email: string, password = "user-password-1") => {
    const login = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: CSRF,
      payload: { email, password },
    });
    expect(login.statusCode, login.body).toBe(200);
    const cookie = login.cookies.find((c) => c.name === "formwork_session")!;
    return `formwork_session=${cookie.value}`;
  };

  const create = async (formId: string, data: Record<string, unknown>) => {
    const r = await t.admin.request("POST", `/api/forms/${formId}/records`, { data });
    expect(r.statusCode, r.body).toBe(201);
    return r.json<{ id: string; version: number }>();
  };

  /** A new deals form: alice sees only the deals where she is the rep; bob (in no set) sees none. */
  const repDeals = async () => {
    forms += 1;
    const { formId } = await dealsForm(t, `rtdeals${forms}`);
    await addSet(t, formId, {
      name: "Rep is me",
      kind: "custom",
      actions: ["view"],
      rowCondition: { "==": [{ var: "rep" }, { var: "$user" }] },
      members: [{ type: "user", id: org.alice.id }],
    });
    return formId;
  };

  it("refuses a socket without a credential, with a dead one, or with a cookie from another site", async () => {
    expect(await refusal(base, {})).toBe("UNAUTHENTICATED");
    expect(await refusal(base, { token: "fw_not-a-real-token" })).toBe("UNAUTHENTICATED");
    expect(await refusal(base, { cookie: "formwork_session=forged" })).toBe("UNAUTHENTICATED");
    const cookie = await sessionOf("rt-alice@example.com");
    expect(await refusal(base, { cookie, origin: "https://evil.example" })).toBe("CSRF_FAILED");
    expect(await refusal(base, { cookie, origin: base })).toBe("connected");
    expect(await refusal(base, { token: org.alice.token })).toBe("connected");
  });

  it("sends a record hint only to viewers whose view scope holds the record, without field values", async () => {
    const formId = await repDeals();
    const admin = await open({ token: t.adminToken });
    const alice = await open({ token: org.alice.token });
    const bob = await open({ token: org.bob.token });
    expect(await request(admin, "watch-form", formId)).toEqual({ ok: true });
    expect(await request(alice, "watch-form", formId)).toEqual({ ok: true });
    expect(await request(bob, "watch-form", formId)).toEqual({ ok: false, code: "NOT_FOUND" });
    const seen = {
      admin: collect(admin, "record"),
      alice: collect(alice, "record"),
      bob: collect(bob, "record"),
    };

    const hers = await create(formId, { title: "Hers", rep: org.alice.id, secret: "TOP-SECRET-1" });
    const other = await create(formId, { title: "Not hers", rep: org.bob.id, secret: "TOP-SECRET-2" });
    const is = (id: string, kind: RecordHint["kind"]) => (h: RecordHint) =>
      h.recordId === id && h.kind === kind;
    await waitFor("admin: hers", seen.admin, is(hers.id, "created"));
    await waitFor("admin: other", seen.admin, is(other.id, "created"));
    expect(await waitFor("alice: hers", seen.alice, is(hers.id, "created"))).toEqual({
      formId,
      recordId: hers.id,
      kind: "created",
      version: hers.version,
    });
    // Each event reaches all its sockets in one emit: admin has the second, so alice's answer was written.
    await drained(alice, formId);
    expect(seen.alice.map((h) => h.recordId)).toEqual([hers.id]);
    expect(seen.bob).toEqual([]);

    // Moving the deal to alice lets her see the update; deleting it too (judged on its last state).
    const moved = await t.admin.request(
      "PATCH",
      `/api/forms/${formId}/records/${other.id}`,
      { data: { rep: org.alice.id } },
      { "if-match": `"${other.version}"` },
    );
    expect(moved.statusCode, moved.body).toBe(200);
    await waitFor("alice: moved", seen.alice, is(other.id, "updated"));
    expect((await t.admin.request("DELETE", `/api/forms/${formId}/records/${hers.id}`)).statusCode).toBe(200);
    await waitFor("alice: deleted", seen.alice, is(hers.id, "deleted"));

    for (const hint of [...seen.admin, ...seen.alice]) {
      expect(Object.keys(hint).sort()).toEqual(["formId", "kind", "recordId", "version"]);
    }
    expect(JSON.stringify([seen.admin, seen.alice])).not.toContain("TOP-SECRET");
  });

  it("many changes of a form in one commit: one hint per viewer, naming a record that viewer may see", async () => {
    const formId = await repDeals();
    const others = [
      await create(formId, { title: "Bob's 1", rep: org.bob.id }),
      await create(formId, { title: "Bob's 2", rep: org.bob.id }),
    ];
    const hers = await create(formId, { title: "Hers", rep: org.alice.id });
    const admin = await open({ token: t.adminToken });
    const alice = await open({ token: org.alice.token });
    expect(await request(admin, "watch-form", formId)).toEqual({ ok: true });
    expect(await request(alice, "watch-form", formId)).toEqual({ ok: true });
    const seen = { admin: collect(admin, "record"), alice: collect(alice, "record") };

    const appId = await t.app.publishedForms.appIdOf(formId);
    const recordIds = [others[0]!.id, others[1]!.id, hers.id];
    t.app.realtime.recordsChanged({ kind: "created", appId, formId, recordIds });
    await waitFor("admin", seen.admin, (h) => h.formId === formId);
    await waitFor("alice", seen.alice, (h) => h.formId === formId);
    await drained(admin, formId);
    await drained(alice, formId);
    expect(seen.admin).toEqual([{ formId, recordId: others[0]!.id, kind: "created", version: 0 }]);
    expect(seen.alice).toEqual([{ formId, recordId: hers.id, kind: "created", version: 0 }]);

    // None of them hers: alice hears nothing.
    t.app.realtime.recordsChanged({ kind: "updated", appId, formId, recordIds: recordIds.slice(0, 2) });
    await waitFor("admin: update", seen.admin, (h) => h.kind === "updated");
    await drained(alice, formId);
    expect(seen.alice).toHaveLength(1);
  });

  it("ends a disabled member's sockets, a logged-out session's and a revoked token's at once", async () => {
    const carolSession = await sessionOf("rt-carol@example.com");
    const carol = await open({ cookie: carolSession, origin: base });
    const carolByToken = await open({ token: org.carol.token });
    const loggedOut = serverDisconnect(carol);
    const out = await t.app.inject({
      method: "POST",
      url: "/api/auth/logout",
      headers: { ...CSRF, cookie: carolSession },
    });
    expect(out.statusCode).toBe(204);
    expect(await loggedOut).toBe("io server disconnect");
    expect(carolByToken.connected).toBe(true);

    const dave = await open({ token: org.dave.token });
    const token = await t.admin.request("POST", "/api/tokens", { name: "second" });
    const second = token.json<{ id: string; token: string }>();
    const adminSecond = await open({ token: second.token });
    const revoked = serverDisconnect(adminSecond);
    expect((await t.admin.request("DELETE", `/api/tokens/${second.id}`)).statusCode).toBe(204);
    expect(await revoked).toBe("io server disconnect");

    const daveSession = await sessionOf("rt-dave@example.com");
    const daveBrowser = await open({ cookie: daveSession, origin: base });
    const ended = [serverDisconnect(dave), serverDisconnect(daveBrowser)];
    const disabled = await t.admin.request(
      "POST",
      `/api/org/members/${org.dave.id}/disable`,
      undefined,
      CSRF,
    );
    expect(disabled.statusCode, disabled.body).toBe(200);
    expect(await Promise.all(ended)).toEqual(["io server disconnect", "io server disconnect"]);
    expect(await refusal(base, { token: org.dave.token })).toBe("UNAUTHENTICATED");
    expect(await refusal(base, { cookie: daveSession, origin: base })).toBe("UNAUTHENTICATED");
  });

  it("pushes the unread count for a flow's task, a mention and an automation's notify, and after reading", async () => {
    const bob = await open({ token: org.bob.token });
    const counts = collect(bob, "notifications");
    let expected = (await org.bob.request("GET", "/api/notifications/count")).json().unread as number;
    // Every writer is covered: the instance reads new rows' recipients from the primary key.
    const arrives = async (what: string) => {
      expected += 1;
      await waitFor(what, counts, (c) => c.unread === expected, 5_000);
    };

    // A task assigned: the workflow writes it in a CTE of its one statement.
    const flowFormId = await flowForm(t, oneApproval(org.bob.id));
    await submit(org.alice, flowFormId);
    await arrives("count after a task was assigned");

    forms += 1;
    const key = `rtdeals${forms}`;
    const { formId, appId } = await dealsForm(t, key);
    await grantEveryone(t, formId);
    const record = await create(formId, { title: "Ping" });
    const posted = await org.alice.request("POST", `/api/forms/${formId}/records/${record.id}/comments`, {
      text: "@bob look",
      mentions: [org.bob.id],
    });
    expect(posted.statusCode, posted.body).toBe(201);
    await arrives("count after a mention");

    const automation = await t.admin.request("POST", `/api/apps/${appId}/automations`, {
      definition: {
        id: "tell_bob",
        name: "Tell bob",
        form: key,
        trigger: { type: "recordCreated" },
        actions: [{ type: "notify", users: [org.bob.id], title: '"A new deal"' }],
      },
      enabled: true,
    });
    expect(automation.statusCode, automation.body).toBe(201);
    await create(formId, { title: "Automated" });
    await arrives("count after an automation's notify");

    const read = await org.bob.request("POST", "/api/notifications/read", { all: true });
    expect(read.statusCode, read.body).toBe(200);
    await waitFor("count after reading", counts, (c) => c.unread === 0);
  });

  it("shows designer presence to the form's designers and tells them when another saves or publishes", async () => {
    forms += 1;
    const { formId, appId } = await dealsForm(t, `rtdeals${forms}`);
    const admins = await t.admin.request("PUT", `/api/apps/${appId}/admins`, { userIds: [org.alice.id] });
    expect(admins.statusCode, admins.body).toBe(200);
    const aliceCookie = await sessionOf("rt-alice@example.com");
    const adminCookie = await sessionOf(ADMIN.email, ADMIN.password);
    const alice = await open({ cookie: aliceCookie, origin: base });
    const admin = await open({ cookie: adminCookie, origin: base });
    const bob = await open({ cookie: await sessionOf("rt-bob@example.com"), origin: base });
    const presence = collect(alice, "presence");
    const changed = collect(alice, "form-changed");
    expect(await request(alice, "open-designer", formId)).toEqual({ ok: true });
    expect(await request(admin, "open-designer", formId)).toEqual({ ok: true });
    expect(await request(bob, "open-designer", formId)).toEqual({ ok: false, code: "FORBIDDEN" });
    const both = await waitFor("both present", presence, (p) => p.users.length === 2);
    const adminId = (await t.admin.request("GET", "/api/me")).json().user.id;
    expect(both.users.map((u) => u.id).sort()).toEqual([org.alice.id, adminId].sort());

    const form = await t.admin.request("GET", `/api/forms/${formId}`);
    const saved = await t.app.inject({
      method: "PUT",
      url: `/api/forms/${formId}`,
      headers: { ...CSRF, cookie: adminCookie, "if-match": form.headers.etag as string },
      payload: form.json().definition,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const hint = await waitFor("draft saved", changed, (c) => c.kind === "draft");
    expect(hint).toMatchObject({
      formId,
      kind: "draft",
      revision: saved.json().revision,
      by: { name: "Admin" },
    });
    const published = await t.app.inject({
      method: "POST",
      url: `/api/forms/${formId}/publish`,
      headers: { ...CSRF, cookie: adminCookie },
    });
    expect(published.statusCode, published.body).toBe(200);
    await waitFor(
      "published",
      changed,
      (c) => c.kind === "published" && c.version === published.json().version,
    );

    admin.close();
    await waitFor("admin left", presence, (p) => p.users.length === 1 && p.users[0]!.id === org.alice.id);
  });

  it("a client that reconnects gets hints again once it watches again", async () => {
    forms += 1;
    const { formId } = await dealsForm(t, `rtdeals${forms}`);
    await grantEveryone(t, formId);
    const socket = await open({ token: org.alice.token, reconnection: true });
    let connects = 0;
    // What the web client does on every (re)connect: watch again (and refetch).
    socket.on("connect", () => {
      connects += 1;
      void request(socket, "watch-form", formId);
    });
    expect(await request(socket, "watch-form", formId)).toEqual({ ok: true });
    const seen = collect(socket, "record");
    socket.io.engine.close();
    await waitFor("reconnected", [0], () => connects >= 1 && socket.connected);
    await drained(socket, formId);
    const after = await create(formId, { title: "After the drop" });
    await waitFor("hint after reconnect", seen, (h) => h.recordId === after.id);
  });
});
