// Sends an outbox message of kind "email" through the configured SMTP server (nodemailer). A message is
// either a ready email ({subject, text, html?}) or a notification's copy ({notificationId}), rendered
// now, in both of the product's languages (the account has no language of its own yet). A recipient
// who opted out since the copy was queued gets nothing. SMTP 5xx answers are permanent; anything else
// (4xx, connection trouble) is retried.
import { type ClaimedMessage, notificationForEmail } from "@formwork/db";
import type { NotificationKind } from "@formwork/schema";
import type { Transporter } from "nodemailer";
import type { Db } from "../../database";
import type { SendResult } from "./dispatcher";

export interface SmtpSettings {
  /** smtp://user:pass@host:587 or smtps://… (nodemailer's connection URL). */
  url: string;
  /** The From header, e.g. "Formwork <formwork@example.com>". */
  from: string;
  /** Where the site is reached (https://forms.example.com): makes the in-app links absolute. */
  siteUrl?: string | null;
}

const KIND_LABELS: Record<NotificationKind, [zh: string, en: string]> = {
  task_assigned: ["新的待办", "New task"],
  cc: ["抄送给你", "Copied to you"],
  mention: ["有人提到了你", "You were mentioned"],
  automation: ["自动化消息", "Automation message"],
  deadline_reminder: ["即将到期", "Deadline reminder"],
  urge: ["催办", "Reminder to act"],
  flow_finished: ["流程已结束", "Flow finished"],
};

export interface RenderedEmail {
  to: string;
  subject: string;
  text: string;
}

export interface SmtpTransport {
  get(): Promise<Transporter>;
  close(): void;
}

/**
 * nodemailer (~0.4 MB of code, and what it builds at import) is loaded at the first email rather than at
 * start: its heap would be part of every server's live set, which V8 multiplies into the heap it lets
 * grow before collecting.
 */
export function createSmtpTransport(settings: SmtpSettings): SmtpTransport {
  let transport: Promise<Transporter> | undefined;
  return {
    get: () => {
      transport ??= import("nodemailer").then(({ default: nodemailer }) =>
        nodemailer.createTransport(settings.url),
      );
      return transport;
    },
    close: () => void transport?.then((t) => t.close()),
  };
}

export function emailSender(db: Db, transport: SmtpTransport, settings: SmtpSettings) {
  return async (message: ClaimedMessage): Promise<SendResult> => {
    const email = await render(db, message, settings);
    if ("skip" in email) return { ok: false, error: email.skip, permanent: true };
    try {
      const info = await (await transport.get()).sendMail({
        from: settings.from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        headers: { "X-Formwork-Idempotency-Key": message.idempotencyKey },
      });
      return { ok: true, responseSnippet: String(info.response ?? "").slice(0, 500) };
    } catch (error) {
      const code = (error as { responseCode?: number }).responseCode;
      return {
        ok: false,
        statusCode: code ?? null,
        error: error instanceof Error ? error.message : String(error),
        permanent: code !== undefined && code >= 500,
      };
    }
  };
}

async function render(
  db: Db,
  message: ClaimedMessage,
  settings: SmtpSettings,
): Promise<RenderedEmail | { skip: string }> {
  const payload = (message.payload ?? {}) as Record<string, unknown>;
  if (typeof payload.notificationId !== "number") {
    if (typeof payload.subject !== "string" || typeof payload.text !== "string") {
      return { skip: "an email needs a subject and a text" };
    }
    return { to: message.target, subject: payload.subject, text: payload.text };
  }
  const n = await notificationForEmail(db, payload.notificationId);
  if (!n) return { skip: "the notification no longer exists" };
  if (!n.wanted) return { skip: "the recipient no longer wants email" };
  const [zh, en] = KIND_LABELS[n.kind] ?? [n.kind, n.kind];
  const title = n.title ?? "";
  const excerpt = typeof n.payload.excerpt === "string" ? n.payload.excerpt : null;
  const link = n.link ? (settings.siteUrl ? new URL(n.link, settings.siteUrl).toString() : n.link) : null;
  const lines = [
    `${zh}${title ? `：${title}` : ""}`,
    n.actorName ? `来自 ${n.actorName}` : null,
    excerpt,
    link ? `打开：${link}` : null,
    "",
    `${en}${title ? `: ${title}` : ""}`,
    n.actorName ? `From ${n.actorName}` : null,
    link ? `Open: ${link}` : null,
    "",
    "— Formwork. 在“通知”页可关闭邮件提醒 / Turn email copies off on the notifications page.",
  ];
  return {
    to: n.recipient,
    subject: `[Formwork] ${zh} / ${en}${title ? ` · ${title}` : ""}`,
    text: lines.filter((line) => line !== null).join("\n"),
  };
}
