// The directory bound to a database, in the shape the workflow engine's Directory port asks for
// (packages/engine/src/model.ts): the server's flow plugin passes `orgDirectory(db)` (or wraps it).
// Every function is one SQL statement in @formwork/db (src/org/directory.ts).
import {
  activeAdmins,
  activeUsers,
  departmentHeads,
  managerChain,
  membersOfDepartments,
  userDepartments,
  userFacts,
  usersInRoles,
} from "@formwork/db";
import type { Db } from "../../database";

export function orgDirectory(db: Db) {
  return {
    usersOfRole: (roleId: string) => usersInRoles(db, [roleId]),
    usersInRoles: (roleIds: readonly string[]) => usersInRoles(db, roleIds),
    membersOfDepartments: (departmentIds: readonly string[], includeSub = false) =>
      membersOfDepartments(db, departmentIds, includeSub),
    deptHeads: (userId: string, levels: number) => departmentHeads(db, userId, levels),
    /** Managers nearest first, flattened; a level with several heads gives them all, in id order. */
    managerChain: async (userId: string, levels: number) =>
      (await managerChain(db, userId, levels)).flatMap((level) => level.userIds),
    managerLevels: (userId: string, levels: number) => managerChain(db, userId, levels),
    userDepartments: (userId: string, includeSub = false) => userDepartments(db, userId, includeSub),
    activeUsers: (userIds: readonly string[]) => activeUsers(db, userIds),
    admins: () => activeAdmins(db),
    userInfo: async (userId: string): Promise<Record<string, unknown>> => {
      const facts = await userFacts(db, userId);
      return facts ? { ...facts } : {};
    },
  };
}

export type OrgDirectory = ReturnType<typeof orgDirectory>;
