import { FormworkError } from "@formwork/schema";
import type { FastifyPluginAsync } from "fastify";
import { sql } from "kysely";
import type { Db } from "../../database";

const PING_TIMEOUT_MS = 2000;

/** Load balancers poll this: `ok` only while the database answers `SELECT 1`. */
export const healthPlugin: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  app.get(
    "/api/health",
    {
      config: { auth: "public" },
      schema: {
        tags: ["health"],
        response: { 200: { type: "object", properties: { status: { type: "string", const: "ok" } } } },
      },
    },
    async (request) => {
      try {
        await withTimeout(sql`select 1`.execute(db), PING_TIMEOUT_MS);
      } catch (error) {
        request.log.warn({ err: error }, "health check: database unreachable");
        throw new FormworkError("SERVICE_UNAVAILABLE", "The database is unreachable");
      }
      return { status: "ok" };
    },
  );
};

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
