import type { FormDefinition } from "../../types";
import { quoteForm } from "./quote-form";

type Json = Record<string, unknown>;

/** The quote form's fields, for flows to refer to. */
export function quoteFormDefinition(): FormDefinition {
  const form = quoteForm();
  delete form.flow;
  return form as unknown as FormDefinition;
}

/** A flow from compact nodes ("id:kind") and edges ("source>target"), with extra props merged by id. */
export function flow(
  nodes: string[],
  edges: string[],
  extra: { nodes?: Record<string, Json>; edges?: Record<string, Json> } = {},
): { nodes: Json[]; edges: Json[] } {
  return {
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
  };
}
