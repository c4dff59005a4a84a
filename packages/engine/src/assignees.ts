import type { Assignee } from "@formwork/schema";
import type { Run } from "./run";

/** The people an assignee list names, as groups: a manager chain stays one ordered group (逐级审批). */
export interface ResolvedGroup {
  users: string[];
  /** The group acts in order, one step per person, whatever the node's mode. */
  ordered: boolean;
}

const MEMBER_TYPES = new Set(["member", "members"]);
const DEPARTMENT_TYPES = new Set(["department", "departments"]);

function ids(value: unknown): string[] {
  if (typeof value === "string") return value === "" ? [] : [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string" && v !== "");
  return [];
}

async function resolveOne(run: Run, assignee: Assignee): Promise<ResolvedGroup> {
  const { directory } = run.ports;
  const { initiator, record } = run.state;
  if ("user" in assignee) return { users: [assignee.user], ordered: false };
  if ("role" in assignee) return { users: await directory.usersOfRole(assignee.role), ordered: false };
  if ("department" in assignee)
    return { users: await directory.membersOfDepartments([assignee.department]), ordered: false };
  // A public submission has no initiator: whoever depends on them resolves to nobody (the node's
  // whenEmpty fallback then applies, as for any assignee list that names nobody).
  if ("deptHead" in assignee)
    return {
      users: initiator ? await directory.deptHeads(initiator, assignee.deptHead) : [],
      ordered: false,
    };
  if ("managerChain" in assignee)
    return {
      users: initiator ? await directory.managerChain(initiator, assignee.managerChain) : [],
      ordered: true,
    };
  if ("initiator" in assignee) return { users: initiator ? [initiator] : [], ordered: false };
  const field = run.graph.flow.fields.find((f) => f.id === assignee.field);
  const value = ids(record[assignee.field]);
  if (field && MEMBER_TYPES.has(field.type)) return { users: value, ordered: false };
  if (field && DEPARTMENT_TYPES.has(field.type))
    return { users: value.length ? await directory.membersOfDepartments(value) : [], ordered: false };
  return { users: [], ordered: false };
}

/** Resolve every assignee; a person named twice keeps only their first place. */
export async function resolveAssignees(run: Run, assignees: readonly Assignee[]): Promise<ResolvedGroup[]> {
  const seen = new Set<string>();
  const groups: ResolvedGroup[] = [];
  for (const assignee of assignees) {
    const group = await resolveOne(run, assignee);
    const users = group.users.filter((u) => !seen.has(u) && seen.add(u));
    if (users.length > 0) groups.push({ users, ordered: group.ordered });
  }
  return groups;
}
