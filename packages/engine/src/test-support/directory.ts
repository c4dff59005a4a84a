import type { Directory } from "../model";

/**
 * A small organisation for tests:
 *   ceo ← vp ← mgr ← alice, bob (sales); mgr2 ← carol (support); admin.
 *   sales (head mgr) ⊂ division (head vp) ⊂ company (head ceo); support (head mgr2) ⊂ company.
 */
export interface OrgOptions {
  roles?: Record<string, string[]>;
  admins?: string[];
}

const managers: Record<string, string> = {
  alice: "mgr",
  bob: "mgr",
  carol: "mgr2",
  mgr: "vp",
  mgr2: "ceo",
  vp: "ceo",
};
const deptOf: Record<string, string> = {
  alice: "sales",
  bob: "sales",
  mgr: "sales",
  carol: "support",
  mgr2: "support",
  vp: "division",
  ceo: "company",
};
const parentDept: Record<string, string> = { sales: "division", division: "company", support: "company" };
const headOf: Record<string, string> = { sales: "mgr", division: "vp", company: "ceo", support: "mgr2" };

export function org(options: OrgOptions = {}): Directory & { calls: string[] } {
  const roles = options.roles ?? { finance: ["fin1", "fin2"], director: ["dir"], empty: [] };
  const calls: string[] = [];
  return {
    calls,
    async usersOfRole(role) {
      calls.push(`role:${role}`);
      return roles[role] ?? [];
    },
    async membersOfDepartments(ids) {
      calls.push(`members:${ids.join(",")}`);
      return Object.keys(deptOf).filter((u) => ids.includes(deptOf[u]!));
    },
    async deptHeads(user, levels) {
      let dept = deptOf[user];
      for (let i = 1; i < levels && dept; i++) dept = parentDept[dept];
      return dept && headOf[dept] ? [headOf[dept]!] : [];
    },
    async managerChain(user, levels) {
      const chain: string[] = [];
      let at = managers[user];
      while (at && chain.length < levels) {
        chain.push(at);
        at = managers[at];
      }
      return chain;
    },
    async admins() {
      return options.admins ?? ["admin"];
    },
    async userInfo(user) {
      return { department: deptOf[user] ?? null, level: user === "ceo" ? 9 : 1 };
    },
  };
}
