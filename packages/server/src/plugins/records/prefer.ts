// The `Prefer` request header (RFC 7240) as the records API reads it: `return=minimal` asks a create to
// answer only each record's id and version, which batch clients (imports, integrations) use to skip
// serialising whole records they already have. Anything else, or no header, keeps whole records.
import type { FastifyReply } from "fastify";

export function prefersMinimal(header: string | string[] | undefined): boolean {
  if (header === undefined) return false;
  for (const line of Array.isArray(header) ? header : [header]) {
    for (const preference of line.split(",")) {
      const [token] = preference.split(";");
      if (
        token
          ?.trim()
          .toLowerCase()
          .replace(/\s*=\s*/, "=") === "return=minimal"
      )
        return true;
    }
  }
  return false;
}

/** Tells the client its preference was honoured (RFC 7240 §3). */
export function appliedMinimal(reply: FastifyReply): FastifyReply {
  return reply.header("preference-applied", "return=minimal");
}
