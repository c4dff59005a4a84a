export { createAjv } from "./ajv";
export * from "./app-appearance";
export * from "./audit";
export * from "./errors";
export * from "./notifications";
export * from "./permissions";
export * from "./schemas";
export * from "./types";
export * from "./validate";
