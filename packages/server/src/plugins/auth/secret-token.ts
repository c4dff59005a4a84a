// Session ids and API tokens: 256 random bits shown to the client once; only their SHA-256 is stored,
// so a leaked database does not leak usable credentials. (A fast hash is right here: the input has
// 256 bits of entropy, unlike a password.)
import { createHash, randomBytes } from "node:crypto";

export const API_TOKEN_PREFIX = "fw_";

export function newSecret(prefix = ""): string {
  return `${prefix}${randomBytes(32).toString("base64url")}`;
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

const API_TOKEN_SHAPE = /^fw_[A-Za-z0-9_-]{43}$/;
export function looksLikeApiToken(value: string): boolean {
  return API_TOKEN_SHAPE.test(value);
}
