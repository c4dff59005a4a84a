export * from "./comments";
export * from "./from-flow";
export * from "./notifications";
export * from "./tables";
