export * from "./history";
export * from "./inbox";
export * from "./instances";
export * from "./tables";
export * from "./timers";
export * from "./versions";
export * from "./writes";
