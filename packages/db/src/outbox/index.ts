export * from "./outbox";
export * from "./settings";
export * from "./tables";
export * from "./webhooks";
