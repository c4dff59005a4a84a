// Signing secrets: 32 random bytes, shown to the app admin once (on create and on rotation). They are
// stored as they are, not hashed: signing an HMAC needs the key itself. Anyone who can read the
// database can therefore sign as Formwork; the API never returns a secret after the response that made it.
import { randomBytes } from "node:crypto";

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}
