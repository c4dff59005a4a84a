// Sends an outbox message of kind "webhook": a POST of its JSON payload through the SSRF-guarded client.
// A message tied to a subscription is signed with the subscription's secret:
//   X-Formwork-Signature: sha256=<hex HMAC-SHA256 over "<timestamp>.<body>">
// with X-Formwork-Timestamp the Unix seconds of this attempt (receivers refuse old timestamps to stop
// replays) and X-Formwork-Idempotency-Key the message's key, the same on every retry.
import { createHmac } from "node:crypto";
import type { ClaimedMessage } from "@formwork/db";
import { BlockedAddressError, type GuardedClient } from "../../outbound/guarded-request";
import type { SendResult } from "./dispatcher";

export const SIGNATURE_HEADER = "x-formwork-signature";

/** The signature header's value for `body` sent at `timestamp` (Unix seconds). */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

export function webhookSender(client: GuardedClient) {
  return async (message: ClaimedMessage): Promise<SendResult> => {
    let secret: string | null = null;
    if (message.webhookId) {
      // Read with the claim: one round trip less per delivery.
      const hook = message.webhook;
      if (!hook) return { ok: false, error: "the webhook was deleted", permanent: true };
      // A test delivery (ping) goes out even while the subscription is switched off.
      if (!hook.enabled && message.event !== "ping") {
        return { ok: false, error: "the webhook is disabled", permanent: true };
      }
      secret = hook.secret;
    }
    const body = JSON.stringify(message.payload);
    const timestamp = Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = {
      "content-type": "application/json",
      "user-agent": "Formwork-Webhooks/1",
      "x-formwork-idempotency-key": message.idempotencyKey,
      "x-formwork-timestamp": String(timestamp),
      "x-formwork-delivery": message.id,
    };
    if (message.event) headers["x-formwork-event"] = message.event;
    if (secret) headers[SIGNATURE_HEADER] = signWebhook(secret, timestamp, body);
    try {
      const response = await client.request(message.target, { method: "POST", headers, body });
      const ok = response.status >= 200 && response.status < 300;
      return {
        ok,
        statusCode: response.status,
        responseSnippet: response.body.slice(0, 2000),
        error: ok ? null : `HTTP ${response.status}`,
        // 410 Gone: the receiver says the endpoint is no more; retrying cannot help.
        permanent: response.status === 410,
      };
    } catch (error) {
      if (error instanceof BlockedAddressError) return { ok: false, error: error.message, permanent: true };
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };
}
