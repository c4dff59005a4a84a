import type { FastifyPluginAsync } from "fastify";
import type { Db } from "../../database";
import { createUserBody, pageQuery, userSchema } from "./schemas";
import { createUser, listUsers, type NewUserInput } from "./users-store";

/** Admins create and list users (the full organisation — departments, roles — comes later). */
export const usersPlugin: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  app.post<{ Body: NewUserInput }>(
    "/api/users",
    {
      config: { auth: "admin" },
      schema: { tags: ["users"], body: createUserBody, response: { 201: userSchema } },
    },
    async (request, reply) => reply.status(201).send(await createUser(db, request.body)),
  );

  app.get<{ Querystring: { limit: number; offset: number } }>(
    "/api/users",
    {
      config: { auth: "admin" },
      schema: {
        tags: ["users"],
        querystring: pageQuery,
        response: { 200: { type: "object", properties: { users: { type: "array", items: userSchema } } } },
      },
    },
    async (request) => ({ users: await listUsers(db, request.query) }),
  );
};
