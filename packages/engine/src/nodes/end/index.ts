import { SYSTEM } from "../../run";
import type { NodeHandler } from "../types";

/** 结束: the instance completes. */
export const end: NodeHandler<"end"> = {
  enter: async (run, node, arrival) => {
    const visit = run.openVisit(node.id, arrival.from, arrival.scope);
    run.closeVisit(visit, "passed");
    run.finish("completed", SYSTEM);
  },
  actions: [],
};
