import type { FlowEdge } from "@formwork/schema";
import { cloneJson } from "./clone";
import { refuse } from "./errors";
import type { FlowGraph } from "./graph";
import type {
  Effect,
  EventAction,
  FinishStatus,
  FlowEvent,
  InstanceState,
  Instant,
  NodeVisit,
  NotifyKind,
  Ports,
  Task,
  Timer,
  VisitOutcome,
} from "./model";

/** Why the flow arrives at a node: moving forward, a return to it, or an admin reactivating it. */
export type ArrivalReason = "flow" | "return" | "reactivate";

export interface Arrival {
  nodeId: string;
  from: string[];
  scope: string[];
  reason: ArrivalReason;
}

export const SYSTEM = "system";

/**
 * One command's working copy: a private clone of the state the command mutates, the effects it has
 * produced so far, and the arrivals still to process. Effects carry snapshots, so later changes in the
 * same step never alter an effect already emitted.
 */
export class Run {
  readonly state: InstanceState;
  readonly effects: Effect[] = [];
  readonly arrivals: Arrival[] = [];

  constructor(
    readonly graph: FlowGraph,
    state: InstanceState,
    readonly now: Instant,
    readonly ports: Ports,
  ) {
    this.state = cloneJson(state);
  }

  get running(): boolean {
    return this.state.status === "running";
  }

  nextId(letter: "v" | "t" | "l" | "m"): string {
    this.state.seq += 1;
    return `${this.state.id}:${letter}${this.state.seq}`;
  }

  emit(effect: Effect): void {
    this.effects.push(cloneJson(effect));
  }

  event(event: Omit<FlowEvent, "at">): void {
    this.emit({ type: "appendEvent", event: { at: this.now, ...event } });
  }

  notify(kind: NotifyKind, users: readonly string[], payload: Record<string, unknown> = {}): void {
    const unique = [...new Set(users)];
    if (unique.length > 0)
      this.emit({ type: "notify", kind, users: unique, payload: { instanceId: this.state.id, ...payload } });
  }

  visit(id: string): NodeVisit {
    return this.state.visits.find((v) => v.id === id) ?? refuse("INVALID_FLOW", `no visit "${id}"`);
  }

  activeVisits(): NodeVisit[] {
    return this.state.visits.filter((v) => v.status === "active");
  }

  pendingTasks(visitId?: string): Task[] {
    return this.state.tasks.filter(
      (t) => t.status === "pending" && (visitId === undefined || t.visitId === visitId),
    );
  }

  pendingTimers(visitId?: string): Timer[] {
    return this.state.timers.filter(
      (t) => t.status === "pending" && (visitId === undefined || t.visitId === visitId),
    );
  }

  openVisit(nodeId: string, from: string[], scope: string[], extra: Partial<NodeVisit> = {}): NodeVisit {
    const visit: NodeVisit = {
      id: this.nextId("v"),
      nodeId,
      kind: this.graph.node(nodeId).type,
      status: "active",
      from,
      scope,
      enteredAt: this.now,
      ...extra,
    };
    this.state.visits.push(visit);
    this.emit({ type: "enterNode", visit });
    return visit;
  }

  cancelTask(task: Task): void {
    task.status = "cancelled";
    task.completedAt = this.now;
    this.emit({ type: "cancelTask", task });
  }

  cancelTimer(timer: Timer): void {
    timer.status = "cancelled";
    this.emit({ type: "cancelTimer", timer });
  }

  /** Close a visit: its open tasks and timers go with it. False when it was already closed. */
  closeVisit(visit: NodeVisit, outcome: VisitOutcome): boolean {
    if (visit.status !== "active") return false;
    for (const task of this.pendingTasks(visit.id)) this.cancelTask(task);
    for (const timer of this.pendingTimers(visit.id)) this.cancelTimer(timer);
    for (const lane of visit.lanes ?? []) if (lane.status === "open") lane.status = "cancelled";
    visit.status = outcome === "cancelled" ? "cancelled" : "completed";
    visit.outcome = outcome;
    visit.completedAt = this.now;
    this.emit({ type: "leaveNode", visit });
    return true;
  }

  /** Queue the targets of `edges` (default: every outgoing edge) as the visit's successors. */
  follow(visit: NodeVisit, edges: FlowEdge[] = this.graph.outgoing(visit.nodeId), scope = visit.scope): void {
    for (const edge of edges)
      this.arrivals.push({ nodeId: edge.target, from: [visit.id], scope, reason: "flow" });
  }

  /** The visit is done and the flow moves on along `edges`. */
  pass(visit: NodeVisit, edges?: FlowEdge[], scope?: string[]): void {
    // A visit moves the flow on once: passing a closed visit again would run its successors twice.
    if (this.closeVisit(visit, "passed")) this.follow(visit, edges, scope);
  }

  /**
   * End the instance: every open visit, task and timer is cancelled. `why` joins the finish event's
   * detail and the initiator's notice (an end's reason).
   */
  finish(status: FinishStatus, actor: string, comment?: string, why: Record<string, unknown> = {}): void {
    for (const visit of this.activeVisits()) this.closeVisit(visit, "cancelled");
    for (const task of this.pendingTasks()) this.cancelTask(task);
    for (const timer of this.pendingTimers()) this.cancelTimer(timer);
    this.arrivals.length = 0;
    this.state.status = status;
    this.state.finishedAt = this.now;
    this.emit({ type: "finish", status });
    this.event({
      actor,
      action: "finish",
      ...(comment ? { comment } : {}),
      durationMs: this.since(this.state.startedAt),
      detail: { status, ...why },
    });
    // The initiator hears how it ended, unless they ended it themselves (a withdrawal).
    const { initiator } = this.state;
    if (initiator !== null && actor !== initiator) this.notify("finished", [initiator], { status, ...why });
  }

  since(instant: Instant): number {
    return Math.max(0, Date.parse(this.now) - Date.parse(instant));
  }

  /** A log line for an action on a task, with the time it took. */
  taskEvent(task: Task, action: EventAction, actor: string, extra: Partial<FlowEvent> = {}): void {
    this.event({
      actor,
      action,
      nodeId: task.nodeId,
      visitId: task.visitId,
      taskId: task.id,
      durationMs: this.since(task.createdAt),
      ...extra,
    });
  }
}
