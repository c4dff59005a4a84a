// Members: the directory every member reads (pickers), and the admin's writes.
import { listMembers, type MemberStatus } from "@formwork/db";
import { FormworkError } from "@formwork/schema";
import type { FastifyPluginAsync } from "fastify";
import type { Db } from "../../database";
import { currentUser } from "../auth/authenticate";
import { hashPassword } from "../auth/password";
import { newSecret } from "../auth/secret-token";
import { auditedChange, type OrgHooks } from "./hooks";
import { createInvite } from "./invites-store";
import {
  createMember,
  type MemberUpdate,
  setMemberDisabled,
  setMemberPassword,
  toDirectoryEntry,
  toMemberView,
  updateMember,
} from "./members-store";
import {
  createdMemberSchema,
  createMemberBody,
  memberListQuery,
  memberListResponse,
  memberParams,
  memberPasswordBody,
  memberSchema,
  roleIdsBody,
  updateMemberBody,
} from "./schemas";
import { assertNoSelfEscalation, forbidSelf } from "./self-change";

export const INVITE_PAGE = "/invite";

interface ListQuery {
  q?: string;
  departmentId?: string[];
  includeSub: boolean;
  roleId?: string;
  status?: MemberStatus;
  ids?: string[];
  limit: number;
  offset: number;
}

interface CreateBody {
  email: string;
  name: string;
  password?: string;
  isAdmin?: boolean;
  departmentIds?: string[];
  primaryDepartmentId?: string;
  roleIds?: string[];
}

export const membersRoutes: FastifyPluginAsync<{ db: Db; hooks: OrgHooks }> = async (app, { db, hooks }) => {
  const change = auditedChange(db, hooks);
  // The hash an invited member holds until they choose a password: of a secret nobody ever sees.
  const unusable = () => hashPassword(newSecret());

  app.get<{ Querystring: ListQuery }>(
    "/api/org/members",
    {
      schema: {
        tags: ["members"],
        summary: "Members: search, department (with sub-departments), role, status; paged",
        description:
          "Admins get every member with email, status and roles. Other members get the directory: active and invited members' id, name and departments.",
        querystring: memberListQuery,
        response: { 200: memberListResponse },
      },
    },
    async (request) => {
      const { isAdmin } = currentUser(request);
      const { status, departmentId, ...query } = request.query;
      const statuses: MemberStatus[] | undefined = isAdmin
        ? status && [status]
        : status === "disabled"
          ? []
          : status
            ? [status]
            : ["active", "invited"];
      const page = await listMembers(db, {
        ...query,
        ...(departmentId ? { departmentIds: departmentId } : {}),
        ...(statuses ? { statuses } : {}),
      });
      return {
        total: page.total,
        members: page.members.map(isAdmin ? toMemberView : toDirectoryEntry),
      };
    },
  );

  app.get<{ Params: { id: string } }>(
    "/api/org/members/:id",
    { schema: { tags: ["members"], params: memberParams, response: { 200: memberSchema } } },
    async (request) => {
      const { isAdmin } = currentUser(request);
      const page = await listMembers(db, {
        ids: [request.params.id],
        ...(isAdmin ? {} : { statuses: ["active", "invited"] }),
        limit: 1,
        offset: 0,
      });
      const member = page.members[0];
      if (!member) throw new FormworkError("NOT_FOUND", "No such member");
      return isAdmin ? toMemberView(member) : toDirectoryEntry(member);
    },
  );

  app.post<{ Body: CreateBody }>(
    "/api/org/members",
    {
      config: { auth: "admin" },
      schema: {
        tags: ["members"],
        summary: "Create a member; without a password the member is invited and the answer carries the link",
        body: createMemberBody,
        response: { 201: createdMemberSchema },
      },
    },
    async (request, reply) => {
      const actor = currentUser(request);
      const { password, ...input } = request.body;
      const passwordHash = password === undefined ? undefined : await hashPassword(password);
      const placeholder = passwordHash ?? (await unusable());
      const created = await change(
        (r) => ({
          action: "member.create",
          actorId: actor.userId,
          targetId: r.member.id,
          detail: { ...input },
        }),
        async (trx: Db) => {
          const member = await createMember(
            trx,
            { ...input, ...(passwordHash ? { passwordHash } : {}) },
            placeholder,
          );
          const invite =
            passwordHash === undefined
              ? await createInvite(trx, { userId: member.id, createdBy: actor.userId })
              : undefined;
          return { member, invite };
        },
      );
      return reply.status(201).send({
        ...toMemberView(created.member),
        ...(created.invite ? { invite: { ...created.invite, path: INVITE_PAGE } } : {}),
      });
    },
  );

  // PATCH changes any of a member's properties; PUT .../roles only the roles. Same rules for both.
  for (const route of [
    {
      method: "PATCH",
      url: "/api/org/members/:id",
      summary: "Update a member (nobody changes their own admin flag or roles)",
      body: updateMemberBody,
      action: "member.update",
    },
    {
      method: "PUT",
      url: "/api/org/members/:id/roles",
      summary: "Replace a member's roles (not one's own)",
      body: roleIdsBody,
      action: "member.roles",
    },
  ] as const) {
    app.route<{ Params: { id: string }; Body: MemberUpdate }>({
      method: route.method,
      url: route.url,
      config: { auth: "admin" },
      schema: {
        tags: ["members"],
        summary: route.summary,
        params: memberParams,
        body: route.body,
        response: { 200: memberSchema },
      },
      handler: async (request) => {
        const actor = currentUser(request);
        const { id } = request.params;
        await assertNoSelfEscalation(db, actor, id, request.body);
        const member = await change(
          () => ({ action: route.action, actorId: actor.userId, targetId: id, detail: { ...request.body } }),
          (trx: Db) => updateMember(trx, id, request.body),
        );
        // Committed: this process re-reads the member's admin flag and name on their next request.
        app.credentialCache.forgetUser(id);
        return toMemberView(member);
      },
    });
  }

  for (const [path, disabled] of [
    ["disable", true],
    ["enable", false],
  ] as const) {
    app.post<{ Params: { id: string } }>(
      `/api/org/members/:id/${path}`,
      {
        config: { auth: "admin" },
        schema: {
          tags: ["members"],
          summary: disabled
            ? "Disable a member: their sessions end and their API tokens are revoked at once"
            : "Enable a disabled member (they sign in again; revoked tokens stay revoked)",
          params: memberParams,
          response: { 200: memberSchema },
        },
      },
      async (request) => {
        const actor = currentUser(request);
        if (disabled && actor.userId === request.params.id) throw forbidSelf("", "account status");
        const member = await change(
          () => ({
            action: disabled ? "member.disable" : "member.enable",
            actorId: actor.userId,
            targetId: request.params.id,
          }),
          (trx: Db) => setMemberDisabled(trx, request.params.id, disabled),
        );
        // Committed: this process refuses their cached credentials from the next request on.
        app.credentialCache.forgetUser(request.params.id);
        if (disabled) hooks.memberDisabled?.(request.params.id);
        return toMemberView(member);
      },
    );
  }

  app.post<{ Params: { id: string }; Body: { password: string } }>(
    "/api/org/members/:id/password",
    {
      config: { auth: "admin" },
      schema: {
        tags: ["members"],
        summary: "Set a member's password (not one's own): they have joined, their sessions end",
        description:
          "For a member who forgot theirs, or a template's demo account handed to a real person (enable it too).",
        params: memberParams,
        body: memberPasswordBody,
        response: { 200: memberSchema },
      },
    },
    async (request) => {
      const actor = currentUser(request);
      // One's own password is changed knowing the current one, not through the admin's reset.
      if (actor.userId === request.params.id) throw forbidSelf("", "password here");
      const passwordHash = await hashPassword(request.body.password);
      const member = await change(
        () => ({ action: "member.password", actorId: actor.userId, targetId: request.params.id }),
        (trx: Db) => setMemberPassword(trx, request.params.id, passwordHash),
      );
      app.credentialCache.forgetUser(request.params.id);
      return toMemberView(member);
    },
  );
};
