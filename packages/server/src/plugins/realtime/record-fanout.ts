// Delivers a record hint to this instance's sockets watching the form, each only when that viewer may
// see the record: the same recordScope as every read path, evaluated for the record in SQL. Viewers are
// grouped so the cost grows with the number of DISTINCT access facts, not of sockets: one scope per
// user (from the access-facts cache), then one `SELECT id … WHERE id = $1 AND <view predicate>` per
// distinct compiled predicate (a predicate is the same SQL text with the same parameters), and none for
// viewers who see every record. A deleted record is judged on its last state (the recycle bin's rows
// are included), so its viewers learn that it went away. Many changes of one form at once (an import's
// commit) are one hint per viewer, naming one of them the viewer may see: a hint only says "look",
// and the grid refetches once either way.
import { type PublishedForm, queryRecords } from "@formwork/db";
import type { RecordHint } from "@formwork/schema";
import { type Expression, type SqlBool, sql } from "kysely";
import type { Server } from "socket.io";
import type { Db } from "../../database";
import type { Principal } from "../auth/principal";
import { recordScope, scopeTimeZone } from "../permissions/scope";
import type { PublishedForms } from "../records/published-forms";
import { formRoom, type SocketData } from "./socket-auth";

interface Viewer {
  principal: Principal;
  socketIds: string[];
}

/** May this token reach the form's app at all (an app-limited token sees no other app's events)? */
export function tokenReaches(principal: Principal, appId: string): boolean {
  const apps = principal.tokenScope?.appIds;
  return apps === undefined || apps === null || apps.includes(appId);
}

export class RecordFanout {
  constructor(
    private readonly db: Db,
    private readonly forms: PublishedForms,
    private readonly io: Server,
  ) {}

  /** Sends `hint` to the local sockets of the form's room that may see the record. */
  deliver(hint: RecordHint): Promise<void> {
    return this.deliverAny(hint.formId, hint.kind, [hint.recordId], hint.version);
  }

  /**
   * One hint per local socket of the form's room that may see any of `recordIds`, naming one such
   * record (version: `version` for a single record, else 0, unknown).
   */
  async deliverAny(
    formId: string,
    kind: RecordHint["kind"],
    recordIds: readonly string[],
    version = 0,
  ): Promise<void> {
    const viewers = this.localViewers(formId);
    if (viewers.size === 0 || recordIds.length === 0) return;
    const form = await this.forms.get(formId);
    const appId = await this.forms.appIdOf(formId);
    const hintFor = (recordId: string): RecordHint => ({
      formId,
      recordId,
      kind,
      version: recordIds.length === 1 ? version : 0,
    });
    const allowed: string[] = [];
    const byPredicate = new Map<string, { where: Expression<SqlBool>; socketIds: string[] }>();
    await Promise.all(
      [...viewers.values()].map(async (viewer) => {
        if (!tokenReaches(viewer.principal, appId)) return;
        // A fresh object per event: recordScope memoises on the principal object, and a socket lives
        // longer than the access facts it was opened with.
        const scope = await recordScope(this.db, { ...viewer.principal }, form, scopeTimeZone(this.db));
        if (!scope.actions.has("view")) return;
        const where = scope.where("view");
        if (where === null) {
          allowed.push(...viewer.socketIds);
          return;
        }
        const compiled = sql`${where}`.compile(this.db);
        const key = `${compiled.sql}\u0000${JSON.stringify(compiled.parameters)}`;
        const group = byPredicate.get(key);
        if (group) group.socketIds.push(...viewer.socketIds);
        else byPredicate.set(key, { where, socketIds: [...viewer.socketIds] });
      }),
    );
    await Promise.all(
      [...byPredicate.values()].map(async ({ where, socketIds }) => {
        const seen = await this.firstVisible(form, recordIds, where);
        if (seen) this.io.local.to(socketIds).emit("record", hintFor(seen));
      }),
    );
    // One encoding of the packet for every allowed socket of this instance.
    if (allowed.length > 0) this.io.local.to(allowed).emit("record", hintFor(recordIds[0]!));
  }

  /** One of `recordIds` that `where` lets the viewer see, or null. */
  private async firstVisible(
    form: PublishedForm,
    recordIds: readonly string[],
    where: Expression<SqlBool>,
  ): Promise<string | null> {
    const ids =
      recordIds.length === 1
        ? sql<SqlBool>`id = ${recordIds[0]}::uuid`
        : sql<SqlBool>`id = ANY(${recordIds}::uuid[])`;
    const page = await queryRecords(this.db, form, {
      filter: sql<SqlBool>`(${ids}) AND (${where})`,
      deleted: "include",
      limit: 1,
      fields: [],
      count: false,
    });
    return page.records[0]?.id ?? null;
  }

  /** This instance's sockets in the form's room, by what a scope depends on (one scope per group). */
  private localViewers(formId: string): Map<string, Viewer> {
    const viewers = new Map<string, Viewer>();
    const ids = this.io.of("/").adapter.rooms.get(formRoom(formId));
    if (!ids) return viewers;
    for (const id of ids) {
      const socket = this.io.of("/").sockets.get(id);
      if (!socket) continue;
      const { principal } = socket.data as SocketData;
      const apps = principal.tokenScope?.appIds;
      const key = `${principal.userId}:${principal.isAdmin}:${apps ? apps.join(",") : "*"}`;
      const viewer = viewers.get(key);
      if (viewer) viewer.socketIds.push(id);
      else viewers.set(key, { principal, socketIds: [id] });
    }
    return viewers;
  }
}
