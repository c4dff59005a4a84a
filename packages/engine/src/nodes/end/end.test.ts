import { describe, expect, it } from "vitest";
import { flowOf } from "../../test-support/flows";
import { Sim } from "../../test-support/sim";

describe("end node", () => {
  it("completes the instance, logs it and tells the initiator", async () => {
    const sim = new Sim(flowOf(["start", "end"], ["start>end"]));
    await sim.start();
    expect(sim.state).toMatchObject({ status: "completed", finishedAt: sim.now });
    expect(sim.of("finish")).toEqual([{ type: "finish", status: "completed" }]);
    expect(sim.of("notify")).toEqual([
      {
        type: "notify",
        kind: "finished",
        users: ["alice"],
        payload: { instanceId: "i1", status: "completed" },
      },
    ]);
    expect(sim.events()).toEqual(["start:alice", "finish:system"]);
  });
});
