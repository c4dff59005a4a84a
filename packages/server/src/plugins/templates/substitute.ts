// Bundle ⇄ database: placeholder ids in flows and permission sets become database ids at install, and
// database ids become placeholders at export. One walker per direction keeps the two symmetrical.
import type { PlaceholderMap } from "@formwork/db";
import type {
  Assignee,
  BundleMemberRef,
  FlowDefinition,
  FormDefinition,
  PermissionMember,
} from "@formwork/schema";

type Lookup = (kind: keyof PlaceholderMap, id: string) => string;

function mapAssignee(a: Assignee, lookup: Lookup): Assignee {
  if ("role" in a) return { role: lookup("roles", a.role) };
  if ("department" in a) return { department: lookup("departments", a.department) };
  if ("user" in a) return { user: lookup("members", a.user) };
  return a;
}

/** The form with every flow assignee (task nodes, CC nodes, escalations) passed through `lookup`. */
export function mapFlowAssignees(form: FormDefinition, lookup: Lookup): FormDefinition {
  if (!form.flow) return form;
  const flow: FlowDefinition = {
    ...form.flow,
    nodes: form.flow.nodes.map((node) => {
      let next = node;
      if ("assignees" in node && Array.isArray(node.assignees)) {
        next = { ...next, assignees: node.assignees.map((a) => mapAssignee(a, lookup)) } as typeof node;
      }
      if ("deadline" in node && node.deadline?.escalateTo) {
        const deadline = {
          ...node.deadline,
          escalateTo: node.deadline.escalateTo.map((a) => mapAssignee(a, lookup)),
        };
        next = { ...next, deadline } as typeof node;
      }
      return next;
    }),
  };
  return { ...form, flow };
}

/** Placeholder → database id, for an install or upgrade with the map it made. */
export function toDatabase(map: PlaceholderMap): Lookup {
  return (kind, id) => {
    const mapped = map[kind][id];
    if (mapped === undefined)
      throw new Error(`placeholder ${kind}/${id} was not mapped (validateBundle checks this)`);
    return mapped;
  };
}

export function toPermissionMembers(
  refs: readonly BundleMemberRef[],
  map: PlaceholderMap,
): PermissionMember[] {
  const lookup = toDatabase(map);
  return refs.map((ref) => {
    if (ref.type === "all") return { type: "all" };
    if (ref.type === "role") return { type: "role", id: lookup("roles", ref.id) };
    if (ref.type === "member") return { type: "user", id: lookup("members", ref.id) };
    return {
      type: "department",
      id: lookup("departments", ref.id),
      ...(ref.includeSub ? { includeSub: true } : {}),
    };
  });
}
