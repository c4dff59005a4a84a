export * from "./automations";
export * from "./runs";
export * from "./tables";
