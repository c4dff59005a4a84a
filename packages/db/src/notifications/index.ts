export * from "./comments";
export * from "./email-copy";
export * from "./from-flow";
export * from "./notifications";
export * from "./tables";
