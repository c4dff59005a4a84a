import { refuse } from "./errors";
import type { Command, EngineFlow, InstanceState, Instant, Ports, StartCommand, StepResult } from "./model";

/**
 * The engine's one entry point: apply `command` to `state` at `now` and answer the new state and the
 * effects the server must carry out in the same transaction. Pure apart from the directory lookups:
 * the input state is never mutated. A refused command throws `EngineError` and changes nothing.
 */
export async function step(
  _flow: EngineFlow,
  _state: InstanceState | null,
  command: Command,
  _now: Instant,
  _ports: Ports,
): Promise<StepResult> {
  return refuse("INVALID_FLOW", `the engine does not run "${command.type}" yet`);
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
