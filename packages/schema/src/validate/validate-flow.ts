import { FLOW_SCHEMA_ID } from "../schemas/flow";
import type { FlowDefinition, FormDefinition } from "../types";
import type { FieldIndex } from "./field-index";
import { indexFields } from "./field-index";
import { checkFlowGraph } from "./flow-graph";
import { readFlow } from "./flow-index";
import { checkFlowAgainstForm } from "./flow-nodes";
import { checkParallelNesting } from "./flow-parallel";
import { type DefinitionValidation, IssueList } from "./result";
import { checkSchema } from "./schema-issues";

/** The semantic flow checks, for a flow at `basePath` ("" alone, "/flow" inside a form definition). */
export function checkFlow(flow: unknown, index: FieldIndex, basePath: string, issues: IssueList): void {
  const graph = readFlow(flow, basePath);
  const acyclic = checkFlowGraph(graph, basePath, issues);
  if (acyclic) checkParallelNesting(graph, issues);
  checkFlowAgainstForm(graph, index, issues);
}

/** Validate a flow against the (already valid) form it belongs to. Never throws; reports every issue. */
export function validateFlowDefinition(
  flow: unknown,
  form: FormDefinition,
): DefinitionValidation<FlowDefinition> {
  const issues = new IssueList();
  if (checkSchema(FLOW_SCHEMA_ID, flow, issues)) checkFlow(flow, indexFields(form), "", issues);
  return issues.items.length === 0
    ? { ok: true, value: flow as FlowDefinition }
    : { ok: false, issues: issues.items };
}
