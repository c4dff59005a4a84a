import type { Deadline, FieldDefinition, FlowDefinition } from "@formwork/schema";
import type { EngineFlow } from "../model";

type Json = Record<string, unknown>;

/** The test form: a few plain fields, a member and a department field, a sub-form, a computed field. */
export const FIELDS = [
  { id: "title", type: "text", label: "Title" },
  { id: "amount", type: "number", label: "Amount" },
  { id: "discount", type: "number", label: "Discount" },
  { id: "reason", type: "textarea", label: "Reason" },
  { id: "due", type: "date", label: "Due" },
  { id: "owner", type: "member", label: "Owner" },
  { id: "watchers", type: "members", label: "Watchers" },
  { id: "team", type: "department", label: "Team" },
  { id: "total", type: "number", label: "Total", formula: "amount * 2" },
  {
    id: "items",
    type: "subform",
    label: "Items",
    fields: [
      { id: "price", type: "number", label: "Price" },
      { id: "qty", type: "number", label: "Qty" },
    ],
  },
] as unknown as FieldDefinition[];

/**
 * A flow from compact nodes ("id:kind") and edges ("source>target"), with node and edge settings merged
 * by id (edges are e1, e2, ... in order). Task and cc nodes default to the initiator as assignee.
 */
export function flowOf(
  nodes: string[],
  edges: string[],
  extra: { nodes?: Record<string, Json>; edges?: Record<string, Json> } = {},
  version = 1,
): EngineFlow {
  const definition = {
    nodes: nodes.map((spec) => {
      const [id = "", type = id] = spec.split(":");
      const settings =
        type === "approval" || type === "fill" || type === "cc" ? { assignees: [{ initiator: true }] } : {};
      return { id, type, ...settings, ...extra.nodes?.[id] };
    }),
    edges: edges.map((spec, i) => {
      const [source, target] = spec.split(">");
      const id = `e${i + 1}`;
      return { id, source, target, ...extra.edges?.[id] };
    }),
  } as unknown as FlowDefinition;
  return { version, definition, fields: FIELDS };
}

/** start → a (ua) → b (ub) → end. */
export function twoSteps(): EngineFlow {
  return flowOf(["start", "a:approval", "b:approval", "end"], ["start>a", "a>b", "b>end"], {
    nodes: { a: { assignees: [{ user: "ua" }] }, b: { assignees: [{ user: "ub" }] } },
  });
}

/** start → one approval node → end. */
export function oneStep(settings: Json): EngineFlow {
  return flowOf(["start", "a:approval", "end"], ["start>a", "a>end"], { nodes: { a: settings } });
}

/** A node deadline, built in one place: the contract names its action `then`, which linters flag. */
export function deadline(action: Deadline["then"], rest: Omit<Deadline, "then"> = {}): Deadline {
  // biome-ignore lint/suspicious/noThenProperty: the deadline action of the contract is named `then`
  return { ...rest, then: action };
}
