export * from "./listener";
export * from "./live-credentials";
export * from "./pubsub-pool";
