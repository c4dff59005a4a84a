// Collects the exceptions nothing caught while a fault is played, so a test can assert there were none.
// In production an uncaught exception ends the server process: "recovers by itself" would be false.
// Vitest's own listener is set aside meanwhile (and put back after) so the failure is reported by the
// assertion about it, with its cause, rather than as an error attributed to no test.
export function collectUncaughtErrors(): { errors: unknown[]; stop(): void } {
  const errors: unknown[] = [];
  const previous = process.listeners("uncaughtException");
  const collect = (error: unknown) => errors.push(error);
  process.removeAllListeners("uncaughtException");
  process.on("uncaughtException", collect);
  return {
    errors,
    stop() {
      process.off("uncaughtException", collect);
      for (const listener of previous) process.on("uncaughtException", listener);
    },
  };
}
