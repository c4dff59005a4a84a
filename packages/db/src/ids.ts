import { randomBytes } from "node:crypto";

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const last = { ms: 0, counter: 0 };

/**
 * A UUID version 7 (RFC 9562): 48 bits of Unix milliseconds then random bits, so ids sort by creation
 * time. Every id the platform stores (users, apps, forms, records, files...) is one of these, in a
 * PostgreSQL `uuid` column.
 */
export function newId(now: number = Date.now()): string {
  const bytes = randomBytes(16);
  // Monotonic within the process (RFC 9562 method 1): ids made in the same millisecond carry a 12-bit
  // counter after the timestamp, so a batch keeps its order; an exhausted counter borrows the next ms.
  if (now > last.ms) {
    last.ms = now;
    last.counter = (bytes[6] ?? 0) & 0x07;
  } else if (++last.counter > 0xfff) {
    last.ms++;
    last.counter = 0;
  }
  bytes[6] = 0x70 | (last.counter >> 8);
  bytes[7] = last.counter & 0xff;
  let ms = last.ms;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** True for any well-formed UUID; lets callers answer NOT_FOUND instead of a database cast error. */
export function isId(value: unknown): value is string {
  return typeof value === "string" && UUID_PATTERN.test(value);
}
