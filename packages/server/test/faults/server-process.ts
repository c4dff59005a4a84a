// A real server process over a given PostgreSQL database, for tests that kill it (SIGKILL) mid-work and
// start it again: `ServerProcess.start(url, {timers})` spawns ./server-main.ts and resolves once it
// listens; `kill()` is an unclean death (no shutdown hook runs, connections are cut by the kernel).
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const MAIN = fileURLToPath(new URL("./server-main.ts", import.meta.url));

export class ServerProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
  ) {}

  static start(
    databaseUrl: string,
    options: { timers: boolean; pollMs?: number; pubsub?: boolean },
  ): Promise<ServerProcess> {
    const child = spawn(process.execPath, ["--import", "tsx", MAIN], {
      env: {
        ...process.env,
        FW_TEST_DATABASE_URL: databaseUrl,
        FW_TEST_TIMERS: options.timers ? "on" : "off",
        FW_TEST_POLL_MS: String(options.pollMs ?? 200),
        FW_TEST_PUBSUB: options.pubsub ? "on" : "off",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    return new Promise((resolve, reject) => {
      let output = "";
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /listening (\d+)/.exec(output);
        if (match) {
          child.stdout?.off("data", onData);
          resolve(new ServerProcess(child, Number(match[1])));
        }
      };
      child.stdout?.on("data", onData);
      child.stderr?.on("data", (chunk: Buffer) => {
        output += chunk.toString();
      });
      child.once("exit", (code) => reject(new Error(`server exited (${code}) before listening:\n${output}`)));
    });
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** SIGKILL: the process dies at once, whatever it was doing. */
  async kill(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once("exit", resolve));
    this.child.kill("SIGKILL");
    await exited;
  }
}
