// `pnpm --filter @formwork/bench exec tsx src/realtime/notify-trigger.ts`: what pushing notification
// counts costs (migration 0028). (1) A one-row notification insert with the announcing trigger against
// the same insert with the trigger disabled, alternating rounds in one run (a same-run ratio), on PGlite
// and PostgreSQL. (2) The recount a push does: countUnreadOf for 200 recipients in a table of 100,000
// notifications of 1,000 users, which notifications_user_ix keeps to the recipients' unread rows.
//   BENCH_NOTIFY_DATABASE_URL  database to drop and recreate (default postgres://postgres@127.0.0.1:5432/fw_bench_notify)
import { availableParallelism, cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { countUnreadOf, createDatabase, insertNotifications, migrateToLatest, newId } from "@formwork/db";
import { sql } from "kysely";
import { recreateDatabase } from "../server/postgres-run";

const url = process.env.BENCH_NOTIFY_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/fw_bench_notify";
const ROUNDS = 10;
const INSERTS_PER_ROUND = 200;
const emit = (line: string) => process.stdout.write(`${line}\n`);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(" / ");
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

emit(
  `Notification push benchmark, ${new Date().toISOString()}, ${availableParallelism()} × ${cpus()[0]?.model ?? "unknown CPU"}, ` +
    `Node ${process.version}, load average (1/5/15 min) ${load()} at start.\n`,
);
emit(
  "| database | insert, trigger on (ms median) | trigger off (ms median) | ratio | recount of 200 users (ms median) |",
);
emit("| --- | --- | --- | --- | --- |");

for (const kind of ["pglite", "postgres"] as const) {
  if (kind === "postgres") await recreateDatabase(url);
  const { db, close } = await createDatabase(kind === "postgres" ? { url } : {});
  try {
    await migrateToLatest(db);
    const users = Array.from({ length: 1_000 }, () => newId());
    await db
      .insertInto("users")
      .values(users.map((id) => ({ id, email: `${id}@example.com`, name: id, password_hash: "x" })))
      .execute();
    const timed = async (trigger: boolean) => {
      await sql
        .raw(`ALTER TABLE notifications ${trigger ? "ENABLE" : "DISABLE"} TRIGGER notifications_announce`)
        .execute(db);
      const times: number[] = [];
      for (let i = 0; i < INSERTS_PER_ROUND; i++) {
        const start = performance.now();
        await insertNotifications(db, [{ userId: users[i % users.length]!, kind: "automation" }]);
        times.push(performance.now() - start);
      }
      return median(times);
    };
    const on: number[] = [];
    const off: number[] = [];
    await timed(true); // warm-up
    for (let round = 0; round < ROUNDS; round++) {
      on.push(await timed(true));
      off.push(await timed(false));
    }
    await sql`ALTER TABLE notifications ENABLE TRIGGER notifications_announce`.execute(db);

    // 100 notifications per user, every other one read.
    for (let batch = 0; batch < 100; batch++) {
      await insertNotifications(
        db,
        users.map((userId) => ({ userId, kind: "automation" as const })),
      );
    }
    await sql`UPDATE notifications SET read_at = now() WHERE id % 2 = 0`.execute(db);
    await sql`ANALYZE notifications`.execute(db);
    const recounts: number[] = [];
    for (let i = 0; i < 30; i++) {
      const some = users.slice((i * 200) % 800, ((i * 200) % 800) + 200);
      const start = performance.now();
      await countUnreadOf(db, some);
      recounts.push(performance.now() - start);
    }
    const [a, b] = [median(on), median(off)];
    emit(
      `| ${kind} | ${a.toFixed(3)} | ${b.toFixed(3)} | ${(a / b).toFixed(2)}× | ${median(recounts).toFixed(2)} |`,
    );
  } finally {
    await close();
  }
}
emit(`\nLoad average at the end: ${load()}.`);
