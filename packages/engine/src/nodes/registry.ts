import type { FlowNode, NodeKind } from "@formwork/schema";
import type { Arrival, Run } from "../run";
import { approval } from "./approval";
import { branch } from "./branch";
import { cc } from "./cc";
import { end } from "./end";
import { fill } from "./fill";
import { join } from "./join";
import { parallel } from "./parallel";
import { start } from "./start";
import type { NodeHandler, NodeRegistry } from "./types";

export const NODE_HANDLERS: NodeRegistry = { start, approval, fill, cc, branch, parallel, join, end };

export function handlerOf(kind: NodeKind): NodeHandler<NodeKind> {
  return NODE_HANDLERS[kind] as NodeHandler<NodeKind>;
}

/** Process arrivals until the flow waits (on tasks, timers or joins) or the instance finishes. */
export async function advance(run: Run): Promise<void> {
  let guard = 0;
  while (run.running && run.arrivals.length > 0) {
    if (++guard > 100_000) throw new Error("flow advance did not settle");
    const arrival: Arrival = run.arrivals.shift()!;
    const node: FlowNode = run.graph.node(arrival.nodeId);
    await handlerOf(node.type).enter(run, node as never, arrival);
  }
}
