import { act } from "./actions/act";
import { admin } from "./actions/admin";
import { urge, withdraw } from "./actions/initiator";
import { fireTimer, timerIsLive } from "./actions/timer";
import { cloneJson } from "./clone";
import { refuse } from "./errors";
import { graphOf } from "./graph";
import type { Command, EngineFlow, InstanceState, Instant, Ports, StartCommand, StepResult } from "./model";
import { advance } from "./nodes/registry";
import { Run, SYSTEM } from "./run";

function initialState(flow: EngineFlow, command: StartCommand, now: Instant): InstanceState {
  return {
    id: command.instanceId,
    flowVersion: flow.version,
    status: "running",
    initiator: command.initiator,
    record: cloneJson(command.record),
    startedAt: now,
    visits: [],
    tasks: [],
    timers: [],
    seq: 0,
  };
}

/**
 * The engine's one entry point: apply `command` to `state` at `now` and answer the new state and the
 * effects the server must carry out in the same transaction. Pure apart from the directory lookups:
 * the input state is never mutated. A refused command throws `EngineError` and changes nothing.
 */
export async function step(
  flow: EngineFlow,
  state: InstanceState | null,
  command: Command,
  now: Instant,
  ports: Ports,
): Promise<StepResult> {
  const graph = graphOf(flow);
  if (command.type === "start") {
    if (state) refuse("ALREADY_STARTED", "the instance has already started");
    const run = new Run(graph, initialState(flow, command, now), now, ports);
    run.event(
      command.initiator === null
        ? { actor: SYSTEM, action: "start", nodeId: graph.start.id, detail: { public: true } }
        : { actor: command.initiator, action: "start", nodeId: graph.start.id },
    );
    run.arrivals.push({ nodeId: graph.start.id, from: [], scope: [], reason: "flow" });
    await advance(run);
    return { state: run.state, effects: run.effects };
  }
  if (!state) return refuse("INVALID_FLOW", "the instance has not started");
  if (state.flowVersion !== flow.version)
    refuse("INVALID_FLOW", `the instance runs version ${state.flowVersion}, not ${flow.version}`);
  const run = new Run(graph, state, now, ports);
  if (command.type === "timer") {
    const timer = run.state.timers.find((t) => t.id === command.timerId);
    // A late or duplicate firing, or one for a visit that has moved on: nothing happens.
    if (!timerIsLive(run, timer)) return { state, effects: [] };
    run.state.seq += 1;
    await fireTimer(run, timer);
  } else {
    run.state.seq += 1;
    switch (command.type) {
      case "act":
        act(run, command);
        break;
      case "withdraw":
        withdraw(run, command);
        break;
      case "urge":
        urge(run, command);
        break;
      case "admin":
        admin(run, command);
        break;
    }
  }
  await advance(run);
  return { state: run.state, effects: run.effects };
}

/** Start a new instance: `step` with no prior state. */
export function start(
  flow: EngineFlow,
  command: StartCommand,
  now: Instant,
  ports: Ports,
): Promise<StepResult> {
  return step(flow, null, command, now, ports);
}
