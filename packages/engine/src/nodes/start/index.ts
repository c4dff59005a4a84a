import type { Run } from "../../run";
import { startLanes } from "../../tasks/enter";
import { newLane } from "../../tasks/lanes";
import type { NodeHandler } from "../types";

/**
 * The initiator's node. Submitting the form already did its work, so a first arrival passes at once;
 * a return (or a reactivation) to it gives the initiator a task to change the form and submit again.
 */
export const start: NodeHandler<"start"> = {
  enter: async (run: Run, node, arrival) => {
    const visit = run.openVisit(node.id, arrival.from, arrival.scope);
    if (arrival.reason === "flow") {
      run.pass(visit);
      return;
    }
    visit.mode = "any";
    run.notify("returned", [run.state.initiator], { nodeId: node.id });
    startLanes(run, visit, [newLane(run, "rule", [run.state.initiator], "rule")]);
  },
  actions: ["submit"],
};
