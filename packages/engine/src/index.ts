export { reactivationTargets } from "./actions/admin";
export { canWithdraw } from "./actions/initiator";
export { returnTargetsOf } from "./actions/return";
export { addDuration, dueTime, WEEKDAYS } from "./deadlines/due";
export { EngineError, REFUSALS, type Refusal } from "./errors";
export { invariantViolations, waitingOn } from "./invariants";
export * from "./model";
export { NODE_HANDLERS } from "./nodes/registry";
export {
  checkEdits,
  completeEdits,
  type EditIssue,
  editableFields,
  fieldPermission,
  visibleFields,
} from "./permissions";
export { start, step } from "./step";
