// Turns one engine step (the state before, the state after, its effects) into the rows that mirror it:
// node runs, tasks, cc rows, timers, events, outbox rows, the instance row and the record's flow_status.
// A row created and changed within the same step is written once in its final form (the writes go out
// as one statement whose parts share a snapshot, see applyWrites).
import {
  emptyWrites,
  type NewNodeRun,
  type NewTask,
  type NewTimer,
  type NodeRunChange,
  type TaskChange,
  type WorkflowWrites,
} from "@formwork/db";
import type {
  Effect,
  FlowEvent,
  InstanceState,
  NodeVisit,
  RecordData,
  StepResult,
  Task,
} from "@formwork/engine";

export interface TransitionTarget {
  instanceId: string;
  formId: string;
  recordId: string;
  /** The record table, for flow_status. */
  recordTable: string;
  /** The revision the instance row has before this step (0 for a start). */
  revision: number;
}

export interface Transition {
  writes: WorkflowWrites;
  /** Field edits the engine accepted (fill/approval handlers), to write through the records path. */
  recordEdits: RecordData | null;
}

export function transitionWrites(
  target: TransitionTarget,
  before: InstanceState | null,
  result: StepResult,
): Transition {
  const w = emptyWrites();
  const state = result.state;
  const newRuns = new Map<string, NewNodeRun>();
  const runChanges = new Map<string, NodeRunChange>();
  const newTasks = new Map<string, NewTask>();
  const taskChanges = new Map<string, TaskChange>();
  const newTimers = new Map<string, NewTimer>();
  const cancelled = new Set<string>();
  let recordEdits: RecordData | null = null;
  const revision = target.revision + 1;

  const closeTask = (task: Task, status: "done" | "cancelled") => {
    const close = {
      status,
      ...(task.action ? { action: task.action } : {}),
      ...(task.comment !== undefined ? { comment: task.comment } : {}),
      ...(task.signature ? { signature: task.signature } : {}),
    };
    const created = newTasks.get(task.id);
    if (created) Object.assign(created, close);
    else taskChanges.set(task.id, { ...taskChanges.get(task.id), id: task.id, ...close });
  };

  for (const effect of result.effects as Effect[]) {
    switch (effect.type) {
      case "enterNode":
        newRuns.set(effect.visit.id, {
          id: effect.visit.id,
          instanceId: target.instanceId,
          nodeId: effect.visit.nodeId,
          kind: effect.visit.kind,
          visit: visitNumber(state, effect.visit),
          startedAt: new Date(effect.visit.enteredAt),
        });
        break;
      case "leaveNode": {
        const change: NodeRunChange = {
          id: effect.visit.id,
          status: effect.visit.status,
          outcome: effect.visit.outcome ?? null,
        };
        const created = newRuns.get(change.id);
        if (created) Object.assign(created, { status: change.status, outcome: change.outcome });
        else runChanges.set(change.id, change);
        break;
      }
      case "createTask":
        newTasks.set(effect.task.id, {
          id: effect.task.id,
          instanceId: target.instanceId,
          nodeRunId: effect.task.visitId,
          nodeId: effect.task.nodeId,
          kind: taskKind(state, effect.task),
          assignee: effect.task.assignee,
          origin: effect.task.origin,
          status: "pending",
          formId: target.formId,
          recordId: target.recordId,
          createdAt: new Date(effect.task.createdAt),
          dueAt: null,
        });
        break;
      case "completeTask":
        closeTask(effect.task, "done");
        break;
      case "cancelTask":
        closeTask(effect.task, "cancelled");
        break;
      case "createTimer":
        newTimers.set(effect.timer.id, {
          id: effect.timer.id,
          instanceId: target.instanceId,
          nodeRunId: effect.timer.visitId,
          kind: effect.timer.kind,
          dueAt: new Date(effect.timer.due),
        });
        break;
      case "cancelTimer":
        if (!newTimers.delete(effect.timer.id)) cancelled.add(effect.timer.id);
        break;
      case "appendEvent":
        w.events.push(eventRow(target.instanceId, revision, effect.event));
        break;
      case "cc":
        for (const user of new Set(effect.users)) {
          const id = `${effect.visitId}:cc:${user}`;
          newTasks.set(id, {
            id,
            instanceId: target.instanceId,
            nodeRunId: effect.visitId,
            nodeId: effect.nodeId,
            kind: "cc",
            assignee: user,
            origin: "cc",
            status: "done",
            formId: target.formId,
            recordId: target.recordId,
            createdAt: new Date(nowOf(state, effect.visitId)),
            dueAt: null,
          });
        }
        break;
      case "notify":
        w.outbox.push({
          instanceId: target.instanceId,
          topic: `flow.${effect.kind}`,
          payload: {
            users: effect.users,
            instanceId: target.instanceId,
            formId: target.formId,
            recordId: target.recordId,
            ...effect.payload,
          },
        });
        break;
      case "updateRecord":
        recordEdits = { ...(recordEdits ?? {}), ...effect.fields };
        break;
      case "finish":
        break;
    }
  }

  // A task's due time is its visit's earliest pending timer (the node's deadline or first reminder).
  for (const task of newTasks.values()) {
    if (task.kind === "cc") continue;
    const dues = state.timers
      .filter((t) => t.visitId === task.nodeRunId && t.status === "pending")
      .map((t) => Date.parse(t.due));
    if (dues.length > 0) task.dueAt = new Date(Math.min(...dues));
  }
  w.newNodeRuns.push(...newRuns.values());
  w.nodeRuns.push(...runChanges.values());
  w.newTasks.push(...newTasks.values());
  w.tasks.push(...taskChanges.values());
  w.newTimers.push(...newTimers.values());
  w.cancelTimers.push(...cancelled);
  // The stored state keeps no copy of the record: a step that reads fields (conditions, field assignees,
  // date deadlines, edits) is given the live record, deleted ones included, so the copy was never read —
  // only parsed, cloned, serialised and written on every transition (~40 % of a state's JSON).
  w.instances.push({
    id: target.instanceId,
    state: { ...state, record: {} },
    status: state.status,
    revision,
  });
  if (state.status !== before?.status) {
    w.recordStatuses.push({ table: target.recordTable, recordId: target.recordId, flowStatus: state.status });
  }
  return { writes: w, recordEdits };
}

/** 1 for a node's first visit, 2 for the visit after a return to it, ... */
function visitNumber(state: InstanceState, visit: NodeVisit): number {
  const same = state.visits.filter((v) => v.nodeId === visit.nodeId);
  return same.findIndex((v) => v.id === visit.id) + 1 || same.length;
}

/** Start (after a return to the initiator) and fill nodes are filled in; approval nodes approved. */
function taskKind(state: InstanceState, task: Task): "approval" | "fill" {
  const visit = state.visits.find((v) => v.id === task.visitId);
  return visit?.kind === "approval" ? "approval" : "fill";
}

/** When a cc visit happened: its entry time. */
function nowOf(state: InstanceState, visitId: string): string {
  return state.visits.find((v) => v.id === visitId)?.enteredAt ?? new Date().toISOString();
}

function eventRow(instanceId: string, revision: number, event: FlowEvent) {
  return {
    instanceId,
    revision,
    action: event.action,
    nodeId: event.nodeId ?? null,
    nodeRunId: event.visitId ?? null,
    taskId: event.taskId ?? null,
    actor: event.actor,
    data: {
      ...(event.comment ? { comment: event.comment } : {}),
      ...(event.signature ? { signature: event.signature } : {}),
      ...(event.durationMs !== undefined ? { durationMs: event.durationMs } : {}),
      ...(event.detail ? { detail: event.detail } : {}),
    },
    at: new Date(event.at),
  };
}
