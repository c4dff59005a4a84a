import { type Run, SYSTEM } from "../../run";
import { startLanes } from "../../tasks/enter";
import { newLane, ruleLanes } from "../../tasks/lanes";
import type { NodeHandler } from "../types";

/**
 * The initiator's node. Submitting the form already did its work, so a first arrival passes at once;
 * a return (or a reactivation) to it gives the initiator a task to change the form and submit again
 * (the admins, when a public fill link started it).
 */
export const start: NodeHandler<"start"> = {
  enter: async (run: Run, node, arrival) => {
    const visit = run.openVisit(node.id, arrival.from, arrival.scope);
    if (arrival.reason === "flow") {
      run.pass(visit);
      return;
    }
    visit.mode = "any";
    const { initiator } = run.state;
    // A public submission has nobody to send it back to: the admins (the fallback of any node that
    // resolves to nobody) get the start task; with no admin either, it passes on.
    const users = initiator ? [initiator] : await run.ports.directory.admins();
    if (users.length === 0) {
      run.event({
        actor: SYSTEM,
        action: "autoPass",
        nodeId: node.id,
        visitId: visit.id,
        detail: { reason: "noAssignee" },
      });
      run.pass(visit);
      return;
    }
    if (!initiator)
      run.event({
        actor: SYSTEM,
        action: "changeAssignee",
        nodeId: node.id,
        visitId: visit.id,
        detail: { reason: "noAssignee", to: users },
      });
    run.notify("returned", users, { nodeId: node.id });
    startLanes(
      run,
      visit,
      initiator
        ? [newLane(run, "rule", users, "rule")]
        : ruleLanes(run, [{ users, ordered: false }], "any", "rule"),
    );
  },
  actions: ["submit"],
};
