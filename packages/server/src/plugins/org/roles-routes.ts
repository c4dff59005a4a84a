// Role groups and roles: every member reads them (workflow and permission pickers); admins change
// them. Nobody adds themself to a role or takes a role from themself.
import {
  addRoleMembers,
  createRole,
  createRoleGroup,
  deleteRole,
  deleteRoleGroup,
  listRoleGroups,
  removeRoleMember,
  updateRole,
  updateRoleGroup,
} from "@formwork/db";
import type { FastifyPluginAsync } from "fastify";
import type { Db } from "../../database";
import { currentUser } from "../auth/authenticate";
import { auditedChange, type OrgAuditEvent, type OrgHooks } from "./hooks";
import {
  createdIdSchema,
  createRoleBody,
  memberParams,
  memberUserParams,
  roleGroupBody,
  roleGroupListResponse,
  updateRoleBody,
  updateRoleGroupBody,
  userIdsBody,
} from "./schemas";
import { assertNotSelf, forbidSelf } from "./self-change";

interface NamedBody {
  name: string;
  sortOrder?: number;
}

export const rolesRoutes: FastifyPluginAsync<{ db: Db; hooks: OrgHooks }> = async (app, { db, hooks }) => {
  const change = auditedChange(db, hooks);
  const admin = { auth: "admin" } as const;
  const event =
    (action: OrgAuditEvent["action"], actorId: string, targetId: string, detail?: object) => () => ({
      action,
      actorId,
      targetId,
      ...(detail ? { detail: { ...detail } } : {}),
    });

  app.get(
    "/api/org/role-groups",
    {
      schema: {
        tags: ["roles"],
        summary: "Role groups with their roles",
        response: { 200: roleGroupListResponse },
      },
    },
    async () => ({ groups: await listRoleGroups(db) }),
  );

  app.post<{ Body: NamedBody }>(
    "/api/org/role-groups",
    { config: admin, schema: { tags: ["roles"], body: roleGroupBody, response: { 201: createdIdSchema } } },
    async (request, reply) => {
      const actorId = currentUser(request).userId;
      const created = await change(
        (r) => ({ action: "roleGroup.create", actorId, targetId: r.id, detail: { ...request.body } }),
        (trx: Db) => createRoleGroup(trx, request.body),
      );
      return reply.status(201).send(created);
    },
  );

  app.patch<{ Params: { id: string }; Body: Partial<NamedBody> }>(
    "/api/org/role-groups/:id",
    { config: admin, schema: { tags: ["roles"], params: memberParams, body: updateRoleGroupBody } },
    async (request, reply) => {
      const { id } = request.params;
      await change(event("roleGroup.update", currentUser(request).userId, id, request.body), (trx: Db) =>
        updateRoleGroup(trx, id, request.body),
      );
      return reply.status(204).send();
    },
  );

  app.delete<{ Params: { id: string } }>(
    "/api/org/role-groups/:id",
    {
      config: admin,
      schema: { tags: ["roles"], summary: "Delete a group without roles", params: memberParams },
    },
    async (request, reply) => {
      const { id } = request.params;
      await change(event("roleGroup.delete", currentUser(request).userId, id), (trx: Db) =>
        deleteRoleGroup(trx, id),
      );
      return reply.status(204).send();
    },
  );

  app.post<{ Body: NamedBody & { groupId: string } }>(
    "/api/org/roles",
    { config: admin, schema: { tags: ["roles"], body: createRoleBody, response: { 201: createdIdSchema } } },
    async (request, reply) => {
      const actorId = currentUser(request).userId;
      const created = await change(
        (r) => ({ action: "role.create", actorId, targetId: r.id, detail: { ...request.body } }),
        (trx: Db) => createRole(trx, request.body),
      );
      return reply.status(201).send(created);
    },
  );

  app.patch<{ Params: { id: string }; Body: Partial<NamedBody> & { groupId?: string } }>(
    "/api/org/roles/:id",
    {
      config: admin,
      schema: {
        tags: ["roles"],
        summary: "Rename, reorder or regroup a role",
        params: memberParams,
        body: updateRoleBody,
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      await change(event("role.update", currentUser(request).userId, id, request.body), (trx: Db) =>
        updateRole(trx, id, request.body),
      );
      return reply.status(204).send();
    },
  );

  app.delete<{ Params: { id: string } }>(
    "/api/org/roles/:id",
    { config: admin, schema: { tags: ["roles"], params: memberParams } },
    async (request, reply) => {
      const { id } = request.params;
      await change(event("role.delete", currentUser(request).userId, id), (trx: Db) => deleteRole(trx, id));
      return reply.status(204).send();
    },
  );

  app.post<{ Params: { id: string }; Body: { userIds: string[] } }>(
    "/api/org/roles/:id/members",
    {
      config: admin,
      schema: {
        tags: ["roles"],
        summary: "Give the role to members (not to oneself)",
        params: memberParams,
        body: userIdsBody,
      },
    },
    async (request, reply) => {
      const actorId = currentUser(request).userId;
      assertNotSelf(actorId, request.body.userIds);
      const { id } = request.params;
      await change(event("role.members.add", actorId, id, request.body), (trx: Db) =>
        addRoleMembers(trx, id, request.body.userIds),
      );
      return reply.status(204).send();
    },
  );

  app.delete<{ Params: { id: string; userId: string } }>(
    "/api/org/roles/:id/members/:userId",
    { config: admin, schema: { tags: ["roles"], params: memberUserParams } },
    async (request, reply) => {
      const actorId = currentUser(request).userId;
      const { id, userId } = request.params;
      if (userId === actorId) throw forbidSelf("/userId", "roles");
      await change(event("role.members.remove", actorId, id, { userId }), (trx: Db) =>
        removeRoleMember(trx, id, userId),
      );
      return reply.status(204).send();
    },
  );
};
