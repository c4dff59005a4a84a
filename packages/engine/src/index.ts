export { EngineError, REFUSALS, type Refusal } from "./errors";
export * from "./model";
export { start, step } from "./step";
