// Email copies of notifications through SMTP: a server the test starts on loopback (smtp-server)
// receives what the outbox sends for members who opted in, and nothing for the others.
import type { AddressInfo } from "node:net";
import { insertNotifications } from "@formwork/db";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { serverTestDatabases } from "./databases";
import { openForm } from "./fixtures";
import { errorOf, startTestApp, type TestApp } from "./harness";

interface Mail {
  from: string;
  to: string[];
  raw: string;
}

async function startSmtp(): Promise<{ port: number; mails: Mail[]; close(): Promise<void> }> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The decoded text of a quoted-printable or plain body (enough for assertions). */
function bodyText(raw: string): string {
  const body = raw.slice(raw.indexOf("\r\n\r\n") + 4);
  return Buffer.from(
    body.replace(/=\r\n/g, "").replace(/=([0-9A-F]{2})/g, (_m, hex: string) => `%${hex}`),
    "latin1",
  )
    .toString("latin1")
    .replace(/(%[0-9A-F]{2})+/g, (seq) => decodeURIComponent(seq));
}

describe.each(serverTestDatabases())("email copies of notifications on $name", (database) => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let formId: string;
  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startTestApp(database, {
      smtp: {
        url: `smtp://127.0.0.1:${smtp.port}`,
        from: "Formwork <formwork@example.com>",
        siteUrl: "https://forms.example.com",
      },
      outbox: { enabled: false, backoffBaseMs: 0, backoffMaxMs: 0 },
    });
    formId = await openForm(t);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });
  beforeEach(() => {
    smtp.mails.length = 0;
  });

  it("a mention reaches a member who opted in by email, and not one who did not", async () => {
    const wants = await t.newUser("wants@example.com");
    const silent = await t.newUser("silent@example.com");
    expect((await wants.request("GET", "/api/notifications/settings")).json()).toEqual({
      email: false,
      emailAvailable: true,
    });
    const opted = await wants.request("PUT", "/api/notifications/settings", { email: true });
    expect(opted.json()).toEqual({ email: true, emailAvailable: true });

    const record = await t.admin.request("POST", `/api/forms/${formId}/records`, { data: { title: "Pens" } });
    const comment = await t.admin.request(
      "POST",
      `/api/forms/${formId}/records/${record.json().id}/comments`,
      {
        text: "@wants @silent please check",
        mentions: [wants.id, silent.id],
      },
    );
    expect(comment.statusCode, comment.body).toBe(201);
    expect(await t.app.outbox.dispatcher.drain()).toBe(1);
    expect(smtp.mails).toHaveLength(1);
    const [mail] = smtp.mails;
    expect(mail!.to).toEqual(["wants@example.com"]);
    expect(mail!.from).toBe("formwork@example.com");
    expect(mail!.raw).toMatch(/^Subject: /m);
    const text = bodyText(mail!.raw);
    expect(text).toContain("You were mentioned");
    expect(text).toContain("有人提到了你");
    expect(text).toContain("https://forms.example.com/");
    expect(mail!.raw).toMatch(/X-Formwork-Idempotency-Key: notification-email:\d+/);
    const row = await t.db
      .selectFrom("outbox")
      .selectAll()
      .where("kind", "=", "email")
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "delivered", attempts: 1 });
  });

  it("a member who opts out before the copy is sent gets nothing", async () => {
    const fickle = await t.newUser("fickle@example.com");
    await fickle.request("PUT", "/api/notifications/settings", { email: true });
    await insertNotifications(t.db, [{ userId: fickle.id, kind: "automation", title: "Stock low" }]);
    await fickle.request("PUT", "/api/notifications/settings", { email: false });
    await t.app.outbox.dispatcher.drain();
    expect(smtp.mails).toHaveLength(0);
    const row = await t.db
      .selectFrom("outbox")
      .selectAll()
      .where("target", "=", "fickle@example.com")
      .executeTakeFirstOrThrow();
    expect(row.status).toBe("dead");
    expect(row.last_error).toMatch(/no longer wants/);
  });
});

describe.each(serverTestDatabases())("notification settings without SMTP on $name", (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(database, { outbox: { enabled: false } });
  });
  afterAll(async () => t?.close());

  it("does not offer email and refuses the opt-in", async () => {
    const member = await t.newUser("nomail@example.com");
    expect((await member.request("GET", "/api/notifications/settings")).json()).toEqual({
      email: false,
      emailAvailable: false,
    });
    expect(
      errorOf(await member.request("PUT", "/api/notifications/settings", { email: true })),
    ).toMatchObject({
      status: 409,
      path: "/email",
    });
    expect(errorOf(await member.request("PUT", "/api/notifications/settings", { email: "yes" })).status).toBe(
      422,
    );
  });
});
