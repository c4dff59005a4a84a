export * from "./departments";
export * from "./directory";
export * from "./roles";
