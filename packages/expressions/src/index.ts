export { FUNCTIONS } from "./functions";
export * from "./types";
