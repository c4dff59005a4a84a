// The import worker, running in every server process. A job is claimed by locking its row in the
// transaction that runs it (FOR UPDATE SKIP LOCKED, like the workflow timers): any number of processes
// poll, each job runs in exactly one, and a process that dies mid-job takes its transaction with it —
// nothing half-written, and the job is queued again for the next poll (here or in another process).
// Progress goes to import_progress outside that transaction on PostgreSQL (pollers see it live); on
// PGlite, whose one connection the job's transaction holds, it is kept in memory for this process.
import {
  claimQueuedImportJob,
  type DatabaseKind,
  finishImportJob,
  type ImportJobRow,
  insertImportRejects,
  isUnavailable,
  saveImportProgress,
} from "@formwork/db";
import { FormworkError } from "@formwork/schema";
import type { FastifyBaseLogger } from "fastify";
import type { ServerConfig } from "../../config";
import type { Db } from "../../database";
import type { Principal } from "../auth/principal";
import type { FileStorage } from "../files/file-storage";
import { requireAction } from "../permissions/enforce";
import { recordScope } from "../permissions/scope";
import type { WriteDeps } from "../records/write-path";
import { checkMapping } from "./mapping";
import { ImportCancelled, type ImportOptions, type RunResult, runImport } from "./run";
import { countRows, openImportFile, readLimits } from "./source";

/** An all-or-nothing job with refused rows: thrown to roll its writes back, caught to record them. */
class RowsRejected extends Error {
  constructor(readonly result: RunResult) {
    super("rows rejected");
  }
}

export interface LiveProgress {
  processed: number;
  total: number;
  cancel: boolean;
}

export class ImportWorker {
  private stopped = true;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  /** Jobs running in this process. */
  readonly live = new Map<string, LiveProgress>();

  constructor(
    private readonly db: Db,
    private readonly kind: DatabaseKind,
    private readonly storage: FileStorage,
    private readonly config: ServerConfig,
    private readonly deps: WriteDeps,
    private readonly log: FastifyBaseLogger,
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
  }

  /** A job was queued: look now instead of at the next poll. */
  poke(): void {
    this.wake?.();
  }

  /** Runs queued jobs until none is left (tests, and the loop itself). */
  async drain(): Promise<number> {
    let ran = 0;
    while (await this.runOne()) ran += 1;
    return ran;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        if (await this.runOne()) continue;
      } catch (error) {
        if (isUnavailable(error)) this.log.warn({ err: error }, "import poll failed");
        else this.log.error({ err: error }, "import poll failed");
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, this.config.imports.pollMs);
        function done() {
          clearTimeout(timer);
          resolve();
        }
        this.wake = done;
      });
      this.wake = null;
    }
  }

  private runOne(): Promise<boolean> {
    return this.deps.events.transaction(this.db, async (tx) => {
      const job = await claimQueuedImportJob(tx);
      if (!job) return false;
      await this.execute(tx, job);
      return true;
    });
  }

  private async execute(tx: Db, job: ImportJobRow): Promise<void> {
    const options = job.options as unknown as ImportOptions;
    const live: LiveProgress = { processed: 0, total: 0, cancel: false };
    this.live.set(job.id, live);
    const finish = (
      status: "succeeded" | "failed" | "cancelled",
      counts: { inserted?: number; updated?: number; rejected?: number } = {},
      error: Record<string, unknown> | null = null,
    ) =>
      finishImportJob(tx, job.id, {
        status,
        totalRows: live.total,
        inserted: counts.inserted ?? 0,
        updated: counts.updated ?? 0,
        rejected: counts.rejected ?? 0,
        error,
      });
    try {
      // Everything the job writes sits under one savepoint: refused, cancelled or failed, it all goes.
      const result = await this.deps.events.savepoint(tx, async () => {
        const principal = await principalOf(tx, job.createdBy);
        const form = await this.deps.loadForm(job.formId, tx);
        const scope = await recordScope(tx, principal, form, this.deps.timeZone);
        requireAction(scope, "import");
        const limits = readLimits(this.config);
        const open = () =>
          openImportFile(tx, this.storage, job.fileId, job.createdBy, options.encoding, limits);
        live.total = await countRows((await open()).sheet);
        const { sheet } = await open();
        checkMapping(form, scope, sheet.headers, options.mapping, options.mode, options.keyField);
        const progress = async (processed: number) => {
          live.processed = processed;
          if (this.kind !== "pglite") {
            const saved = await saveImportProgress(this.db, job.id, { processed, total: live.total });
            if (saved.cancelRequested) live.cancel = true;
          }
          return live.cancel;
        };
        await progress(0);
        const run = await runImport(
          {
            tx,
            deps: this.deps,
            principal,
            scope,
            form,
            jobId: job.id,
            options,
            headers: sheet.headers,
            totalRows: live.total,
            batchSize: this.config.imports.batchSize,
            progress,
          },
          sheet.rows,
        );
        if (!options.skipBadRows && run.rejected > 0) throw new RowsRejected(run);
        return run;
      });
      await finish("succeeded", result);
    } catch (error) {
      if (error instanceof RowsRejected) {
        await insertImportRejects(tx, job.id, error.result.heldRejects);
        await finish(
          "failed",
          { rejected: error.result.rejected },
          {
            code: "ROWS_REJECTED",
            message: `${error.result.rejected} rows were refused; nothing was imported`,
          },
        );
      } else if (error instanceof ImportCancelled) {
        await finish("cancelled");
      } else if (error instanceof FormworkError) {
        await finish("failed", {}, error.toBody().error as unknown as Record<string, unknown>);
      } else if (isUnavailable(error)) {
        throw error; // the database went away: the job stays queued for the next attempt
      } else {
        this.log.error({ err: error, job: job.id }, "import job failed");
        await finish("failed", {}, { code: "INTERNAL", message: "The import failed on the server" });
      }
    } finally {
      this.live.delete(job.id);
    }
  }
}

async function principalOf(db: Db, userId: string): Promise<Principal> {
  const user = await db
    .selectFrom("users")
    .select(["id", "email", "name", "is_admin", "disabled"])
    .where("id", "=", userId)
    .executeTakeFirst();
  if (!user || user.disabled) throw new FormworkError("FORBIDDEN", "The importing user is no longer active");
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    isAdmin: user.is_admin,
    via: "session",
    credentialId: "",
  };
}
