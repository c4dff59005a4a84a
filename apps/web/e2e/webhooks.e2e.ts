// Webhooks end to end: an admin creates one in the app's webhook page (the secret is shown once), a new
// record reaches a receiver this test runs on loopback (the server's allowlist opens 127.0.0.1) signed
// with that secret; the delivery log shows it as delivered, "send test" sends a ping, and a failed
// delivery is redelivered from the log once the receiver recovers.
import { createHmac } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DESKTOP, openBrowser, type Session } from "./browser";
import { publishOrders } from "./data-steps";
import { api, signIn, uniqueSuffix } from "./steps";

interface Call {
  headers: IncomingHttpHeaders;
  body: string;
}

describe("webhooks (desktop)", () => {
  let session: Session;
  const calls: Call[] = [];
  let failing = false;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      calls.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      response.statusCode = failing ? 500 : 200;
      response.end(failing ? "down" : "ok");
    });
  });
  let receiver = "";
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    receiver = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    session = await openBrowser("webhooks", DESKTOP);
  });
  afterAll(async () => {
    await session?.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  /** Waits (polling, generous for a loaded machine) until the receiver has `n` calls. */
  async function received(n: number): Promise<void> {
    const deadline = Date.now() + 60_000;
    while (calls.length < n) {
      if (Date.now() > deadline) throw new Error(`receiver got ${calls.length} calls, expected ${n}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  it("creates a webhook, shows the secret once, delivers a signed event, tests and redelivers", async () => {
    const { page, shot } = session;
    await signIn(page);
    const { appId, formId } = await publishOrders(page, `推送 ${uniqueSuffix()}`, 1);
    await page.goto(`/apps/${appId}`);
    await page.getByTestId("menu-webhooks").click();
    await page.getByTestId("webhooks-page").waitFor();
    await page.getByTestId("webhook-new").click();
    await page.locator("#webhook_name").fill("CRM 同步");
    await page.getByTestId("webhook-url").fill(receiver);
    await page.getByTestId("webhook-event-record.updated").click();
    await shot("create");
    await page.getByRole("button", { name: /创\s*建/ }).click();
    const secretBox = page.getByTestId("webhook-secret");
    await secretBox.waitFor();
    const secret = ((await secretBox.textContent()) ?? "").trim();
    expect(secret).toMatch(/^whsec_/);
    await shot("secret-once");
    await page.getByRole("button", { name: /完\s*成/ }).click();
    await page.getByTestId("webhooks-table").getByText("CRM 同步").waitFor();
    // The list never shows the secret again.
    expect(await page.getByTestId("webhooks-page").textContent()).not.toContain(secret);

    await api(page, "POST", `/api/forms/${formId}/records`, { data: { customer: "推送客户", amount: 7 } });
    await received(1);
    const [call] = calls;
    const timestamp = call!.headers["x-formwork-timestamp"] as string;
    const mac = createHmac("sha256", secret).update(`${timestamp}.${call!.body}`).digest("hex");
    expect(call!.headers["x-formwork-signature"]).toBe(`sha256=${mac}`);
    expect(JSON.parse(call!.body)).toMatchObject({
      event: "record.created",
      record: { data: { customer: "推送客户" } },
    });

    await page.getByTestId("webhook-log-CRM 同步").click();
    const log = page.getByTestId("webhook-deliveries");
    await log.getByText("成功").first().waitFor();
    await shot("log-delivered");

    failing = true;
    await page.getByTestId("webhook-send-test").click();
    await received(2);
    expect(calls[1]!.headers["x-formwork-event"]).toBe("ping");
    await page.getByRole("button", { name: /刷\s*新/ }).click();
    await log.getByText("失败").first().waitFor();
    await shot("log-failed");

    failing = false;
    const failedRow = log.locator("tr", { hasText: "失败" }).first();
    await failedRow.getByTestId("webhook-redeliver").click();
    await received(3);
    expect(calls[2]!.headers["x-formwork-idempotency-key"]).toBe(
      calls[1]!.headers["x-formwork-idempotency-key"],
    );
    await page.getByRole("button", { name: /刷\s*新/ }).click();
    await log.locator("tr", { hasText: "测试" }).getByText("成功").waitFor();
    // The attempts of the redelivered ping: the failure and the success, with their status codes.
    await log.locator("tr", { hasText: "测试" }).locator(".ant-table-row-expand-icon").click();
    await page.getByTestId("webhook-attempts").getByText("500", { exact: true }).first().waitFor();
    await page.getByTestId("webhook-attempts").getByText("200", { exact: true }).first().waitFor();
    await shot("attempts");
  });
});
