export * from "./departments";
export * from "./directory";
export * from "./members";
export * from "./roles";
