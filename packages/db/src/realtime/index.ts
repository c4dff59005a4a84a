export * from "./listener";
export * from "./live-credentials";
export * from "./new-notifications";
export * from "./pubsub-pool";
