import { refuse } from "../../errors";
import type { NodeHandler } from "../types";

/**
 * 汇聚: waits until every lane of its split has arrived (one arrival per outgoing edge of the split: an
 * exclusive branch inside a lane still arrives once), then moves on in the split's own scope.
 */
export const join: NodeHandler<"join"> = {
  enter: async (run, node, arrival) => {
    const split =
      arrival.scope.at(-1) ?? refuse("INVALID_FLOW", `join "${node.id}" reached outside a parallel split`);
    const visit =
      run.activeVisits().find((v) => v.nodeId === node.id && v.split === split) ??
      run.openVisit(node.id, [], arrival.scope.slice(0, -1), { split });
    visit.from.push(...arrival.from);
    const lanes = run.graph.outgoing(run.visit(split).nodeId).length;
    if (visit.from.length >= lanes) run.pass(visit);
  },
  actions: [],
};
