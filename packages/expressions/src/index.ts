export * from "./formula";
export { FUNCTIONS } from "./functions";
export * from "./types";
