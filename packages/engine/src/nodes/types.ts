import type { FlowNodeOf, NodeKind } from "@formwork/schema";
import type { TaskAction } from "../model";
import type { Arrival, Run } from "../run";

/** What the interpreter needs from a node kind. */
export interface NodeHandler<K extends NodeKind> {
  /** The flow arrives at a node of this kind: open its visit, then pass it on or wait for tasks. */
  enter(run: Run, node: FlowNodeOf<K>, arrival: Arrival): Promise<void>;
  /** The task actions a task of this kind accepts; [] for kinds that never have tasks. */
  actions: readonly TaskAction["type"][];
}

/** Adding a node kind to the schema fails to compile here until it has a handler. */
export type NodeRegistry = { [K in NodeKind]: NodeHandler<K> };
