import { FormworkError } from "@formwork/schema";
import type { Kysely } from "kysely";
import { describe, expect, it } from "vitest";
import { mapDatabaseError } from "./errors";
import { newId } from "./ids";
import type { SystemTables } from "./tables";
import { testDatabases } from "./testing";
import { inRetriedTransaction } from "./transaction";

/** A root handle whose transactions run `work` on a stand-in and fail as the attempts say. */
function flakyDb(failures: unknown[]) {
  let attempts = 0;
  const db = {
    isTransaction: false,
    transaction: () => ({
      execute: async (work: (tx: unknown) => Promise<unknown>) => {
        const failure = failures[attempts++];
        if (failure) throw failure;
        return work({ isTransaction: true });
      },
    }),
  } as unknown as Kysely<SystemTables>;
  return { db, attempts: () => attempts };
}

const deadlock = () => mapDatabaseError({ code: "40P01", message: "deadlock detected" });

describe("inRetriedTransaction", () => {
  it("runs a transaction PostgreSQL aborted for a deadlock or a serialization failure again", async () => {
    const flaky = flakyDb([deadlock(), mapDatabaseError({ code: "40001", message: "could not serialize" })]);
    await expect(inRetriedTransaction(flaky.db, async () => "done")).resolves.toBe("done");
    expect(flaky.attempts()).toBe(3);
  });

  it("gives up after four attempts with the conflict, and never retries anything else", async () => {
    const stuck = flakyDb([deadlock(), deadlock(), deadlock(), deadlock(), deadlock()]);
    await expect(inRetriedTransaction(stuck.db, async () => "done")).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(stuck.attempts()).toBe(4);
    const refused = flakyDb([new FormworkError("CONFLICT", "the version moved")]);
    await expect(inRetriedTransaction(refused.db, async () => "done")).rejects.toThrow("the version moved");
    expect(refused.attempts()).toBe(1);
  }, 10_000);
});

describe.each(testDatabases().filter((d) => d.name === "postgres"))(
  "inRetriedTransaction on a real deadlock ($name)",
  (database) => {
    it("the aborted side runs again and both changes land", async () => {
      const { db, close } = await database.create();
      try {
        const [a, b] = [newId(), newId()];
        await db
          .insertInto("apps")
          .values([
            { id: a, name: "A" },
            { id: b, name: "B" },
          ])
          .execute();
        const rename = (tx: Kysely<SystemTables>, id: string, name: string) =>
          tx.updateTable("apps").set({ name }).where("id", "=", id).execute();
        const pause = (ms: number) => new Promise((resume) => setTimeout(resume, ms));
        let attempts = 0;
        // The other side takes A, then (after the retried side has taken B and waits for A) wants B: a
        // cycle. The retried side waited first, so its deadlock check fires first and it is the victim.
        const other = db.transaction().execute(async (tx) => {
          await rename(tx, a, "A by other");
          await pause(300);
          await rename(tx, b, "B by other");
        });
        await pause(100);
        const retried = inRetriedTransaction(db, async (tx) => {
          attempts++;
          await rename(tx, b, "B by retried");
          await rename(tx, a, "A by retried");
        });
        await Promise.all([other, retried]);
        expect(attempts).toBe(2);
        const names = await db
          .selectFrom("apps")
          .select("name")
          .where("id", "in", [a, b])
          .orderBy("name")
          .execute();
        expect(names.map((n) => n.name)).toEqual(["A by retried", "B by retried"]);
      } finally {
        await close();
      }
    }, 20_000);
  },
);
