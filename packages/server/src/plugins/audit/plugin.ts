// GET /api/audit: the audit log for system administrators, filtered by actor, action and time, paged by
// a keyset cursor in SQL.
import type { FastifyPluginAsync } from "fastify";
import type { Db } from "../../database";
import { uuidSchema } from "../../http/common-schemas";
import { type AuditQuery, listAudit } from "./audit-store";

const auditQuery = {
  type: "object",
  additionalProperties: false,
  properties: {
    actor: uuidSchema,
    action: { type: "string", minLength: 1, maxLength: 100, pattern: "^[A-Za-z_.]+$" },
    from: { type: "string", format: "date-time" },
    to: { type: "string", format: "date-time" },
    before: { type: "string", pattern: "^[0-9]{1,19}$" },
    limit: { type: "integer", minimum: 1, maximum: 200, default: 50 },
  },
} as const;

const entrySchema = {
  type: "object",
  properties: {
    id: { type: "string" },
    at: { type: "string" },
    actorId: { type: ["string", "null"] },
    actorLabel: { type: "string" },
    actorName: { type: ["string", "null"] },
    action: { type: "string" },
    targetId: { type: ["string", "null"] },
    appId: { type: ["string", "null"] },
    ip: { type: ["string", "null"] },
    detail: { type: "object", additionalProperties: true },
  },
} as const;

export const auditPlugin: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  app.get<{ Querystring: AuditQuery }>(
    "/api/audit",
    {
      config: { auth: "admin" },
      schema: {
        tags: ["audit"],
        querystring: auditQuery,
        response: {
          200: {
            type: "object",
            properties: {
              entries: { type: "array", items: entrySchema },
              nextCursor: { type: ["string", "null"] },
            },
          },
        },
      },
    },
    async (request) => listAudit(db, request.query),
  );
};
