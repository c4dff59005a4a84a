// The department tree: every member reads it (pickers); admins change it.
import {
  addDepartmentMembers,
  createDepartment,
  type DepartmentView,
  deleteDepartment,
  getDepartment,
  listDepartments,
  moveDepartment,
  removeDepartmentMember,
  setDepartmentHeads,
  updateDepartment,
} from "@formwork/db";
import { FormworkError } from "@formwork/schema";
import type { FastifyPluginAsync } from "fastify";
import type { Db } from "../../database";
import { currentUser } from "../auth/authenticate";
import { auditedChange, type OrgHooks } from "./hooks";
import {
  createDepartmentBody,
  departmentListResponse,
  departmentSchema,
  memberParams,
  memberUserParams,
  updateDepartmentBody,
  userIdsBody,
} from "./schemas";

interface DepartmentBody {
  name?: string;
  parentId?: string | null;
  sortOrder?: number;
}

export const departmentsRoutes: FastifyPluginAsync<{ db: Db; hooks: OrgHooks }> = async (
  app,
  { db, hooks },
) => {
  const change = auditedChange(db, hooks);
  const admin = { auth: "admin" } as const;
  const found = async (trx: Db, id: string): Promise<DepartmentView> => {
    const department = await getDepartment(trx, id);
    if (!department) throw new FormworkError("NOT_FOUND", "No such department");
    return department;
  };

  app.get(
    "/api/org/departments",
    {
      schema: {
        tags: ["departments"],
        summary: "Every department, parents before children, siblings in order (nest by parentId)",
        response: { 200: departmentListResponse },
      },
    },
    async () => ({ departments: await listDepartments(db) }),
  );

  app.post<{ Body: DepartmentBody & { name: string } }>(
    "/api/org/departments",
    {
      config: admin,
      schema: { tags: ["departments"], body: createDepartmentBody, response: { 201: departmentSchema } },
    },
    async (request, reply) => {
      const actorId = currentUser(request).userId;
      const created = await change(
        (d) => ({ action: "department.create", actorId, targetId: d.id, detail: { ...request.body } }),
        (trx: Db) => createDepartment(trx, request.body),
      );
      return reply.status(201).send(created);
    },
  );

  app.patch<{ Params: { id: string }; Body: DepartmentBody }>(
    "/api/org/departments/:id",
    {
      config: admin,
      schema: {
        tags: ["departments"],
        summary: "Rename, reorder, or move (parentId; null for the top) a department",
        params: memberParams,
        body: updateDepartmentBody,
        response: { 200: departmentSchema },
      },
    },
    async (request) => {
      const actorId = currentUser(request).userId;
      const { id } = request.params;
      const { parentId, name, sortOrder } = request.body;
      return change(
        () => ({ action: "department.update", actorId, targetId: id, detail: { ...request.body } }),
        async (trx: Db) => {
          await found(trx, id);
          if (parentId !== undefined)
            await moveDepartment(trx, id, { parentId, ...(sortOrder !== undefined ? { sortOrder } : {}) });
          if (name !== undefined || (sortOrder !== undefined && parentId === undefined)) {
            await updateDepartment(trx, id, {
              ...(name !== undefined ? { name } : {}),
              ...(sortOrder !== undefined ? { sortOrder } : {}),
            });
          }
          return found(trx, id);
        },
      );
    },
  );

  app.delete<{ Params: { id: string } }>(
    "/api/org/departments/:id",
    {
      config: admin,
      schema: { tags: ["departments"], summary: "Delete an empty department", params: memberParams },
    },
    async (request, reply) => {
      const actorId = currentUser(request).userId;
      await change(
        () => ({ action: "department.delete", actorId, targetId: request.params.id }),
        (trx: Db) => deleteDepartment(trx, request.params.id),
      );
      return reply.status(204).send();
    },
  );

  // Two writes of a user list that answer with the department: set its heads, add members.
  for (const route of [
    {
      method: "PUT",
      url: "/api/org/departments/:id/heads",
      summary: "Set the department's heads (they join it when not members)",
      action: "department.heads",
      apply: setDepartmentHeads,
    },
    {
      method: "POST",
      url: "/api/org/departments/:id/members",
      summary: "Add members (a member without a department gets this one as primary)",
      action: "department.members.add",
      apply: addDepartmentMembers,
    },
  ] as const) {
    app.route<{ Params: { id: string }; Body: { userIds: string[] } }>({
      method: route.method,
      url: route.url,
      config: admin,
      schema: {
        tags: ["departments"],
        summary: route.summary,
        params: memberParams,
        body: userIdsBody,
        response: { 200: departmentSchema },
      },
      handler: async (request) => {
        const actorId = currentUser(request).userId;
        const { id } = request.params;
        return change(
          () => ({ action: route.action, actorId, targetId: id, detail: { ...request.body } }),
          async (trx: Db) => {
            await route.apply(trx, id, request.body.userIds);
            return found(trx, id);
          },
        );
      },
    });
  }

  app.delete<{ Params: { id: string; userId: string } }>(
    "/api/org/departments/:id/members/:userId",
    {
      config: admin,
      schema: {
        tags: ["departments"],
        summary: "Remove a member from the department",
        params: memberUserParams,
      },
    },
    async (request, reply) => {
      const actorId = currentUser(request).userId;
      const { id, userId } = request.params;
      await change(
        () => ({ action: "department.members.remove", actorId, targetId: id, detail: { userId } }),
        (trx: Db) => removeDepartmentMember(trx, id, userId),
      );
      return reply.status(204).send();
    },
  );
};
