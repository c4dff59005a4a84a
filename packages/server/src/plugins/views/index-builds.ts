// Builds the indexes saved views ask for, off the request path and after the view's row has committed
// (CREATE INDEX CONCURRENTLY cannot run inside a transaction). One build chain per form at a time;
// builds left open by a stopped server are resumed when the next one starts. A failure is kept on the
// index's row (visible in the view's `indexes`) and retried the next time a view of the form is saved.
import {
  buildRequestedIndexes,
  type DatabaseKind,
  dropReleasedIndexes,
  formsWithOpenIndexes,
} from "@formwork/db";
import type { FastifyBaseLogger } from "fastify";
import type { Db } from "../../database";

export class IndexBuilds {
  private readonly running = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  /** Indexes released by deleted or changed views, dropped at the start of the form's next pass. */
  private readonly drops = new Map<string, string[]>();
  private closed = false;

  constructor(
    private readonly db: Db,
    private readonly kind: DatabaseKind,
    private readonly log: FastifyBaseLogger,
    /** Told after each pass: the form's cached storage (its index list) is stale. */
    private readonly onBuilt: (formId: string) => void = () => {},
  ) {}

  /** Starts (or queues behind the running one) a pass: drop released indexes, build open ones. */
  schedule(formId: string, released: readonly string[] = []): void {
    if (released.length > 0) this.drops.set(formId, [...(this.drops.get(formId) ?? []), ...released]);
    if (this.closed) return;
    if (this.running.has(formId)) {
      this.again.add(formId);
      return;
    }
    const options = { concurrently: this.kind === "postgres" };
    const drops = this.drops.get(formId) ?? [];
    this.drops.delete(formId);
    const pass = dropReleasedIndexes(this.db, formId, drops, options)
      .then(() => buildRequestedIndexes(this.db, formId, options))
      .catch((error: unknown) => this.log.error({ err: error, formId }, "view index build"))
      .finally(() => {
        this.onBuilt(formId);
        this.running.delete(formId);
        if (this.again.delete(formId)) this.schedule(formId);
      });
    this.running.set(formId, pass);
  }

  /**
   * Resumes builds a previous process left open, in the background: a server starts (and answers 503)
   * while its database is still unreachable, and the builds are resumed by the next view save then.
   */
  resume(): void {
    formsWithOpenIndexes(this.db)
      .then((forms) => {
        for (const formId of forms) this.schedule(formId);
      })
      .catch((error: unknown) => this.log.warn({ err: error }, "resuming view index builds"));
  }

  /** Resolves when no build is running (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running.values()]);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.idle();
  }
}

declare module "fastify" {
  interface FastifyInstance {
    /** Index builds of saved views (tests wait on `idle()`). */
    viewIndexBuilds: IndexBuilds;
  }
}
