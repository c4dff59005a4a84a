// A PostgreSQL cluster of the test's own, in a temporary directory, that a test may crash and start
// again without disturbing the machine's shared server (other test files use that one meanwhile).
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { chown, mkdir, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Where Debian's PostgreSQL server binaries live; FORMWORK_PG_BIN points elsewhere. */
export const POSTGRES_BIN = process.env.FORMWORK_PG_BIN ?? "/usr/lib/postgresql/15/bin";

/** Why a private cluster cannot be started here, or null when it can. */
export async function privatePostgresMissing(): Promise<string | null> {
  for (const tool of ["initdb", "pg_ctl", "postgres"]) {
    if (!existsSync(join(POSTGRES_BIN, tool))) return `no ${tool} in ${POSTGRES_BIN} (set FORMWORK_PG_BIN)`;
  }
  if (userInfo().uid === 0 && !(await postgresUser().catch(() => null))) {
    return "running as root and there is no `postgres` OS user to own the cluster";
  }
  return null;
}

export class PrivatePostgres {
  private constructor(
    private readonly dir: string,
    readonly port: number,
    private readonly owner: { uid: number; gid: number } | null,
  ) {}

  /** initdb and start a cluster on a free port; trust auth, reachable only on 127.0.0.1. */
  static async start(): Promise<PrivatePostgres> {
    const dir = await mkdtemp(join(tmpdir(), "formwork-private-pg-"));
    // PostgreSQL refuses to run as root: then the cluster belongs to the `postgres` OS user.
    const owner = userInfo().uid === 0 ? await postgresUser() : null;
    if (owner) await chown(dir, owner.uid, owner.gid);
    const cluster = new PrivatePostgres(dir, await freePort(), owner);
    await mkdir(cluster.dataDir, { mode: 0o700 });
    if (owner) await chown(cluster.dataDir, owner.uid, owner.gid);
    await cluster.tool("initdb", ["-D", cluster.dataDir, "-U", "postgres", "--auth=trust", "-N"]);
    await cluster.startServer();
    return cluster;
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  private get dataDir(): string {
    return join(this.dir, "data");
  }

  /** Starts the server (again) and waits until it accepts connections, crash recovery included. */
  async startServer(): Promise<void> {
    // fsync=off only skips flushing the kernel's cache to disk, which matters when the machine dies,
    // not when the server process is killed: what was committed before the crash survives it either
    // way. It keeps the test fast on a busy machine.
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
    await this.tool("pg_ctl", [
      "-D",
      this.dataDir,
      "-o",
      options,
      "-l",
      join(this.dir, "log"),
      "-w",
      "start",
    ]);
  }

  /** Kills the server the way a crash does: no checkpoint, connections cut, recovery on next start. */
  async crash(): Promise<void> {
    await this.tool("pg_ctl", ["-D", this.dataDir, "-m", "immediate", "-w", "stop"]);
  }

  async destroy(): Promise<void> {
    await this.crash().catch(() => {});
    await rm(this.dir, { recursive: true, force: true });
  }

  private async tool(name: string, args: string[]): Promise<void> {
    const binary = join(POSTGRES_BIN, name);
    const [file, argv] = this.owner ? ["runuser", ["-u", "postgres", "--", binary, ...args]] : [binary, args];
    await run(file, argv, { cwd: this.dir, timeout: 60_000 });
  }
}

async function postgresUser(): Promise<{ uid: number; gid: number }> {
  const { stdout } = await run("id", ["-u", "postgres"]);
  const { stdout: group } = await run("id", ["-g", "postgres"]);
  return { uid: Number(stdout.trim()), gid: Number(group.trim()) };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
