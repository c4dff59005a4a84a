// A client that goes away mid-request leaves nothing half-written: a batch is stored whole or not at all.
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverTestDatabases as testDatabases } from "./databases";
import { publishedForm } from "./fixtures";
import { startTestApp, type TestApp } from "./harness";

describe.each(testDatabases())("client disconnects ($name)", (database) => {
  let t: TestApp;
  let formId: string;
  let port: number;
  beforeAll(async () => {
    t = await startTestApp(database);
    formId = await publishedForm(t);
    await t.app.listen({ port: 0, host: "127.0.0.1" });
    const address = t.app.server.address();
    port = typeof address === "object" && address ? address.port : 0;
  });
  afterAll(async () => t?.close());

  const count = async () =>
    (await t.admin.request("GET", `/api/forms/${formId}/records?limit=1`)).json().count.value as number;

  /** Sends the request, or only its first `fraction` of bytes, then drops the connection at once. */
  const sendAndHangUp = (body: string, fraction: number) =>
    new Promise<void>((resolve) => {
      const socket = connect(port, "127.0.0.1", () => {
        const head = [
          `POST /api/forms/${formId}/records HTTP/1.1`,
          "Host: 127.0.0.1",
          `Authorization: Bearer ${t.adminToken}`,
          "Content-Type: application/json",
          `Content-Length: ${Buffer.byteLength(body)}`,
          "",
          "",
        ].join("\r\n");
        const bytes = Buffer.concat([Buffer.from(head), Buffer.from(body)]);
        socket.write(bytes.subarray(0, Math.floor(bytes.length * fraction)), () => {
          socket.destroy();
          resolve();
        });
      });
      socket.on("error", () => resolve());
    });

  it("stores a whole batch or none of it when the client hangs up", async () => {
    const batch = JSON.stringify(
      Array.from({ length: 300 }, (_, i) => ({ data: { title: `hangup ${i}`, price: i } })),
    );
    const before = await count();

    await sendAndHangUp(batch, 0.5);
    await sendAndHangUp(batch, 1);
    // Let the server finish whatever it started.
    let settled = await count();
    for (let i = 0; i < 20; i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      const now = await count();
      if (now === settled && i > 4) break;
      settled = now;
    }
    expect([before, before + 300]).toContain(settled);
    const revisions = await t.db
      .selectFrom("revisions")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(revisions.n)).toBe(settled);
  });
});
