import type { NodeHandler } from "../types";

/** 并行分支: every outgoing lane runs; the lanes' visits carry this split in their scope until the join. */
export const parallel: NodeHandler<"parallel"> = {
  enter: async (run, node, arrival) => {
    const visit = run.openVisit(node.id, arrival.from, arrival.scope);
    run.pass(visit, undefined, [...arrival.scope, visit.id]);
  },
  actions: [],
};
