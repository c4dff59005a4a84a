export {
  compileLogic,
  evaluate,
  evaluateRule,
  LogicLimitError,
  MAX_LOGIC_DEPTH,
  MAX_LOGIC_NODES,
  truthy,
} from "./evaluate";
export * from "./formula";
export { FUNCTIONS } from "./functions";
export * from "./sql";
export * from "./types";
