export * from "./jobs";
export * from "./keys";
export * from "./tables";
