// PostgreSQL's listener through outages: a start while the database cannot be reached does not fail,
// and a killed LISTEN connection comes back, says so (`resumed`), and hears again.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { PgListener } from "./listener";

const url = process.env.TEST_DATABASE_URL;

const until = async (what: string, done: () => boolean | Promise<boolean>) => {
  for (let i = 0; i < 200; i++) {
    if (await done()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`never: ${what}`);
};

describe("PgListener without a database", () => {
  it("listens without failing while the database cannot be reached, and stops cleanly", async () => {
    const listener = new PgListener({ connectionString: "postgres://nobody@127.0.0.1:9/none" });
    const stop = await listener.listen("formwork_test_down", { heard: () => {} });
    await stop();
  });
});

describe.skipIf(!url)("PgListener on PostgreSQL", () => {
  const name = `formwork-listen-test-${randomBytes(4).toString("hex")}`;
  const channel = `formwork_test_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  afterAll(() => admin.end());

  it("reconnects after its connection is killed, tells the listener, and hears again", async () => {
    await admin.connect();
    const heard: string[] = [];
    let resumed = 0;
    const listener = new PgListener({ connectionString: url, application_name: name });
    const stop = await listener.listen(channel, {
      heard: (payload) => heard.push(payload),
      resumed: () => {
        resumed += 1;
      },
    });
    await admin.query("SELECT pg_notify($1, 'one')", [channel]);
    await until("the first payload", () => heard.includes("one"));

    const killed = await admin.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1",
      [name],
    );
    expect(killed.rowCount).toBe(1);
    await until("resumed", () => resumed === 1);
    await admin.query("SELECT pg_notify($1, 'two')", [channel]);
    await until("the payload after the reconnection", () => heard.includes("two"));

    await stop();
    const left = await admin.query(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1",
      [name],
    );
    expect(left.rows[0].n).toBe(0);
  });
});
