// The engine's Directory port over the organisation tables (packages/db org/directory): every answer is
// one SQL statement in the command's own transaction.
import {
  activeUsers,
  departmentHeads,
  fallbackAdmins,
  managerChain,
  membersOfDepartments,
  userFacts,
  usersInRoles,
} from "@formwork/db";
import type { Directory } from "@formwork/engine";
import type { Db } from "../../database";

export function directoryOver(db: Db, formId: string): Directory {
  return {
    usersOfRole: (roleId) => usersInRoles(db, [roleId]),
    membersOfDepartments: (departmentIds) => membersOfDepartments(db, departmentIds, false),
    deptHeads: (userId, levels) => departmentHeads(db, userId, levels),
    managerChain: async (userId, levels) =>
      (await managerChain(db, userId, levels)).flatMap((l) => l.userIds),
    admins: () => fallbackAdmins(db, formId),
    userInfo: async (userId) => {
      const facts = await userFacts(db, userId);
      if (!facts) return {};
      return {
        id: facts.id,
        name: facts.name,
        email: facts.email,
        departments: facts.departmentIds,
        department: facts.primaryDepartmentId,
        roles: facts.roleIds,
      };
    },
  };
}

/** Users that exist and are active, for transfer and add-signer targets named by a client. */
export { activeUsers };
