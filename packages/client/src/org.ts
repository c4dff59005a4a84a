// The organisation: the member directory, departments, roles and invites (/api/org).
import { path, type Send } from "./transport";
import type {
  CreatedMember,
  Department,
  Invite,
  Member,
  MemberPage,
  MemberPatch,
  MemberQuery,
  NewDepartment,
  NewMember,
  RoleGroup,
  Session,
} from "./types";

export function orgApi(send: Send) {
  const ok = () => undefined;
  return {
    members: {
      /** Admins get full members; everyone else the directory (id, name, departments) of active members. */
      list: (query: MemberQuery = {}) =>
        send<MemberPage>({ method: "GET", path: "/api/org/members", query: { ...query } }),
      get: (id: string) => send<Member>({ method: "GET", path: path`/api/org/members/${id}` }),
      /** Without a password the member is invited: the answer carries `invite`. */
      create: (member: NewMember) =>
        send<CreatedMember>({ method: "POST", path: "/api/org/members", body: member }),
      update: (id: string, patch: MemberPatch) =>
        send<Member>({ method: "PATCH", path: path`/api/org/members/${id}`, body: patch }),
      setRoles: (id: string, roleIds: string[]) =>
        send<Member>({ method: "PUT", path: path`/api/org/members/${id}/roles`, body: { roleIds } }),
      disable: (id: string) => send<Member>({ method: "POST", path: path`/api/org/members/${id}/disable` }),
      enable: (id: string) => send<Member>({ method: "POST", path: path`/api/org/members/${id}/enable` }),
      invite: (id: string) => send<Invite>({ method: "POST", path: path`/api/org/members/${id}/invite` }),
      /** Not one's own; the member's sessions end. A disabled (e.g. demo) member still needs `enable`. */
      setPassword: (id: string, password: string) =>
        send<Member>({ method: "POST", path: path`/api/org/members/${id}/password`, body: { password } }),
    },
    invites: {
      lookup: (token: string) =>
        send<{ name: string; email: string }>({
          method: "POST",
          path: "/api/org/invites/lookup",
          body: { token },
        }),
      accept: (input: { token: string; name: string; password: string }) =>
        send<Session>({ method: "POST", path: "/api/org/invites/accept", body: input }),
    },
    departments: {
      list: async () =>
        (await send<{ departments: Department[] }>({ method: "GET", path: "/api/org/departments" }))
          .departments,
      create: (department: NewDepartment) =>
        send<Department>({ method: "POST", path: "/api/org/departments", body: department }),
      /** `parentId` moves it (null: to the top). */
      update: (id: string, patch: Partial<NewDepartment>) =>
        send<Department>({ method: "PATCH", path: path`/api/org/departments/${id}`, body: patch }),
      remove: (id: string) =>
        send<void>({ method: "DELETE", path: path`/api/org/departments/${id}` }).then(ok),
      setHeads: (id: string, userIds: string[]) =>
        send<Department>({ method: "PUT", path: path`/api/org/departments/${id}/heads`, body: { userIds } }),
      addMembers: (id: string, userIds: string[]) =>
        send<Department>({
          method: "POST",
          path: path`/api/org/departments/${id}/members`,
          body: { userIds },
        }),
      removeMember: (id: string, userId: string) =>
        send<void>({ method: "DELETE", path: path`/api/org/departments/${id}/members/${userId}` }).then(ok),
    },
    roles: {
      groups: async () =>
        (await send<{ groups: RoleGroup[] }>({ method: "GET", path: "/api/org/role-groups" })).groups,
      createGroup: (group: { name: string; sortOrder?: number }) =>
        send<{ id: string }>({ method: "POST", path: "/api/org/role-groups", body: group }),
      updateGroup: (id: string, patch: { name?: string; sortOrder?: number }) =>
        send<void>({ method: "PATCH", path: path`/api/org/role-groups/${id}`, body: patch }).then(ok),
      removeGroup: (id: string) =>
        send<void>({ method: "DELETE", path: path`/api/org/role-groups/${id}` }).then(ok),
      create: (role: { groupId: string; name: string; sortOrder?: number }) =>
        send<{ id: string }>({ method: "POST", path: "/api/org/roles", body: role }),
      update: (id: string, patch: { groupId?: string; name?: string; sortOrder?: number }) =>
        send<void>({ method: "PATCH", path: path`/api/org/roles/${id}`, body: patch }).then(ok),
      remove: (id: string) => send<void>({ method: "DELETE", path: path`/api/org/roles/${id}` }).then(ok),
      addMembers: (id: string, userIds: string[]) =>
        send<void>({ method: "POST", path: path`/api/org/roles/${id}/members`, body: { userIds } }).then(ok),
      removeMember: (id: string, userId: string) =>
        send<void>({ method: "DELETE", path: path`/api/org/roles/${id}/members/${userId}` }).then(ok),
    },
  };
}
