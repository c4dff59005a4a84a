import { type ErrorCode, type ErrorDetail, FormworkError } from "@formwork/schema";

/**
 * Why the engine refused a command. Stable: the server maps each to its HTTP status through the
 * `FormworkError` it extends, and clients may branch on `details[0].code`.
 */
export const REFUSALS = {
  /** The command names a task of another instance, or one that does not exist. */
  TASK_NOT_FOUND: "NOT_FOUND",
  /** The actor is not the task's assignee. */
  NOT_YOUR_TASK: "FORBIDDEN",
  /** Withdraw and urge are the initiator's. */
  NOT_INITIATOR: "FORBIDDEN",
  /** Edits outside the node's editable fields. */
  EDIT_NOT_ALLOWED: "FORBIDDEN",
  /** The task was already completed, cancelled, or it is not its turn: a second approve lands here. */
  TASK_NOT_PENDING: "CONFLICT",
  /** The instance has finished (or, for reactivate, has not). */
  INSTANCE_NOT_RUNNING: "CONFLICT",
  INSTANCE_RUNNING: "CONFLICT",
  ALREADY_STARTED: "CONFLICT",
  /** Somebody has already acted on the instance, so the initiator can no longer withdraw it. */
  WITHDRAW_NOT_ALLOWED: "CONFLICT",
  /** Nobody to urge: no pending task. */
  NOTHING_TO_URGE: "CONFLICT",
  /** The action does not exist at this node kind (reject at a fill node, approve at a fill node...). */
  ACTION_NOT_ALLOWED: "VALIDATION_FAILED",
  /** A return target that is not an earlier node on this path (or lies inside a closed parallel block). */
  RETURN_TARGET_INVALID: "VALIDATION_FAILED",
  /** Transfer to oneself or to nobody, add no signer, add someone who already has a task here. */
  INVALID_ASSIGNEE: "VALIDATION_FAILED",
  /** The flow version has no start node, a node the state names is gone: a broken definition. */
  INVALID_FLOW: "VALIDATION_FAILED",
} as const satisfies Record<string, ErrorCode>;

export type Refusal = keyof typeof REFUSALS;

/** A refused command. Nothing was changed: the server rolls back its transaction and answers the status. */
export class EngineError extends FormworkError {
  constructor(
    readonly reason: Refusal,
    message: string,
    where: string | ErrorDetail[] = "",
  ) {
    super(
      REFUSALS[reason],
      message,
      typeof where === "string" ? [{ path: where, message, code: reason }] : where,
    );
    this.name = "EngineError";
  }
}

export function refuse(reason: Refusal, message: string, path = ""): never {
  throw new EngineError(reason, message, path);
}
