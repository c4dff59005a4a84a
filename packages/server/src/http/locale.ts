import type { Locale } from "@formwork/schema";
import type { FastifyRequest } from "fastify";

/** The language of user-facing messages: English when the client prefers it, else Chinese (the default). */
export function localeOf(request: FastifyRequest): Locale {
  const header = request.headers["accept-language"];
  if (!header) return "zh-CN";
  const first = header.split(",")[0]?.trim().toLowerCase() ?? "";
  return first.startsWith("en") ? "en" : "zh-CN";
}
