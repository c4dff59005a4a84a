// What the flow designer's panes share: the flow being edited, the form whose fields it refers to,
// and one way to change it (through the form designer's undoable definition, so autosave applies).
import type { FlowDefinition, FormDefinition } from "@formwork/schema";
import { createContext, useContext } from "react";
import type { FlowIssues } from "./model/flow-issues";

export type FlowSelection = { node: string } | { edge: string } | undefined;

export interface FlowEditor {
  flow: FlowDefinition;
  form: FormDefinition;
  issues: FlowIssues;
  /** `coalesce`: consecutive changes with the same key are one undo step (typing). */
  change: (next: FlowDefinition, coalesce?: string) => void;
  selection: FlowSelection;
  select: (selection: FlowSelection) => void;
}

export const FlowEditorContext = createContext<FlowEditor | null>(null);

export function useFlowEditor(): FlowEditor {
  const editor = useContext(FlowEditorContext);
  if (!editor) throw new Error("useFlowEditor is used outside the flow designer");
  return editor;
}
