// Two server processes on one PostgreSQL database, realtime through @socket.io/postgres-adapter: a
// record written through one reaches a socket.io client connected to the other (the permission check
// running where the socket is), a draft saved on one tells a designer on the other, a notification
// written through one pushes its user's unread count to their socket on the other (each instance reads
// new notification rows), and disabling a member on one ends their socket on the other at once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../src/database";
import { createUser } from "../src/plugins/users/users-store";
import { serverTestDatabases } from "./databases";
import { httpCaller, tokenFor } from "./faults/http-caller";
import { ServerProcess } from "./faults/server-process";
import { grantEveryone } from "./fixtures";
import { ADMIN, type Caller, CSRF, type TestApp } from "./harness";
import { dealsForm } from "./permissions-fixtures";
import { collect, connect, request, serverDisconnect, type TestSocket, waitFor } from "./realtime/sockets";

const postgres = serverTestDatabases().find((d) => d.name === "postgres");

describe.skipIf(!postgres)("realtime across two server processes (postgres)", () => {
  const servers: ServerProcess[] = [];
  const sockets: TestSocket[] = [];
  let database: { db: Db; url: string; close(): Promise<void> };
  let a: ServerProcess;
  let b: ServerProcess;
  let admin: Caller;
  let adminToken: string;
  let memberToken: string;
  let memberId: string;

  beforeAll(async () => {
    database = (await postgres!.create()) as typeof database;
    await createUser(database.db, { ...ADMIN, isAdmin: true });
    const member = await createUser(database.db, {
      email: "member@example.com",
      name: "Member",
      password: "user-password-1",
    });
    memberId = member.id;
    [a, b] = await Promise.all([
      ServerProcess.start(database.url, { timers: false, pubsub: true }),
      ServerProcess.start(database.url, { timers: false, pubsub: true }),
    ]);
    servers.push(a!, b!);
    adminToken = await tokenFor(a!.url, ADMIN.email, ADMIN.password);
    memberToken = await tokenFor(a!.url, "member@example.com", "user-password-1");
    admin = httpCaller(() => a!.url, adminToken);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await Promise.all(servers.map((s) => s.kill()));
    await database?.close();
  });

  const open = async (server: ServerProcess, token: string) => {
    const socket = await connect(server.url, { token });
    sockets.push(socket);
    return socket;
  };

  it("a record created through one instance reaches a watcher connected to the other", async () => {
    const { formId } = await dealsForm({ admin } as TestApp, "instances");
    const watcher = await open(b, adminToken);
    expect(await request(watcher, "watch-form", formId)).toEqual({ ok: true });
    const seen = collect(watcher, "record");
    const created = await admin.request("POST", `/api/forms/${formId}/records`, {
      data: { title: "Across", secret: "NOT-IN-HINTS" },
    });
    expect(created.statusCode, created.body).toBe(201);
    const hint = await waitFor("hint on the other instance", seen, (h) => h.recordId === created.json().id);
    expect(hint).toEqual({ formId, recordId: created.json().id, kind: "created", version: 1 });
    expect(JSON.stringify(seen)).not.toContain("NOT-IN-HINTS");
  });

  it("a draft saved on one instance tells a designer on the other", async () => {
    const { formId } = await dealsForm({ admin } as TestApp, "instances2");
    // API tokens do not open designers (the web does, with its session); sign in on B as a browser would.
    const login = await fetch(`${b.url}/api/auth/login`, {
      method: "POST",
      headers: { ...CSRF, "content-type": "application/json" },
      body: JSON.stringify({ email: ADMIN.email, password: ADMIN.password }),
    });
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0]!;
    const browser = await connect(b.url, { cookie, origin: b.url });
    sockets.push(browser);
    expect(await request(browser, "open-designer", formId)).toEqual({ ok: true });
    const changed = collect(browser, "form-changed");
    const form = await admin.request("GET", `/api/forms/${formId}`);
    const saved = await admin.request("PUT", `/api/forms/${formId}`, form.json().definition, {
      "if-match": form.headers.etag as string,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    await waitFor("form-changed on the other instance", changed, (c) => c.revision === saved.json().revision);
  });

  it("a notification written through one instance pushes the count to its user's socket on the other", async () => {
    const { formId } = await dealsForm({ admin } as TestApp, "instances3");
    await grantEveryone({ admin } as TestApp, formId);
    const record = await admin.request("POST", `/api/forms/${formId}/records`, { data: { title: "Ping" } });
    expect(record.statusCode, record.body).toBe(201);
    const socket = await open(b, memberToken);
    const counts = collect(socket, "notifications");
    const mention = await admin.request("POST", `/api/forms/${formId}/records/${record.json().id}/comments`, {
      text: "@member look",
      mentions: [memberId],
    });
    expect(mention.statusCode, mention.body).toBe(201);
    // B read A's committed row and counted.
    await waitFor("count on the other instance", counts, (c) => c.unread === 1, 5_000);
  });

  it("disabling a member on one instance ends their socket on the other at once", async () => {
    const socket = await open(b, memberToken);
    const ended = serverDisconnect(socket);
    const disabled = await admin.request("POST", `/api/org/members/${memberId}/disable`);
    expect(disabled.statusCode, disabled.body).toBe(200);
    expect(await ended).toBe("io server disconnect");
  });
});
