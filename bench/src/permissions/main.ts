// Issue 6 "Speed": a member's grid query under a row condition over 100k records against the admin's
// same query, same run, same process, interleaved. The member's rights come from a permission set saved
// through the API (so its row condition asks for its btree index like a saved view does); the grid
// query is the records list with its exact count, through Fastify's inject (no sockets, so the figure is
// the server's own work: authentication, permission lookup, SQL).
//
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/fw_bench_perms npx tsx src/permissions/main.ts
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { addDepartmentMembers, createDatabase, createDepartment, migrateToLatest } from "@formwork/db";
import { buildApp, createUser } from "@formwork/server";
import { sql } from "kysely";
import { recreateDatabase } from "../server/postgres-run";
import { summarize } from "../server/stats";

const ROWS = Number(process.env.BENCH_PERM_ROWS ?? 100_000);
const OWNERS = 50;
const ITERATIONS = Number(process.env.BENCH_PERM_ITERATIONS ?? 200);
const url = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/fw_bench_perms";
const CSRF = { "x-requested-with": "formwork" };

const FORM = {
  key: "deals",
  name: { "zh-CN": "商机", en: "Deals" },
  fields: [
    { id: "title", type: "text", label: "Title" },
    { id: "amount", type: "number", label: "Amount" },
    { id: "stage", type: "text", label: "Stage" },
    { id: "secret", type: "text", label: "Secret" },
  ],
};

async function main() {
  await recreateDatabase(url);
  const { db, close } = await createDatabase({ url, poolSize: 10 });
  await migrateToLatest(db);
  const dataDir = await mkdtemp(join(tmpdir(), "fw-bench-perms-"));
  const app = await buildApp({ db, kind: "postgres", dataDir, config: { logLevel: false } });
  try {
    const token = async (email: string, isAdmin: boolean) => {
      const password = "bench-password-1";
      await createUser(db, { email, name: email, password, isAdmin });
      const login = await app.inject({
        method: "POST",
        url: "/api/auth/login",
        headers: CSRF,
        payload: { email, password },
      });
      const cookie = login.cookies.find((c) => c.name === "formwork_session")!;
      const created = await app.inject({
        method: "POST",
        url: "/api/tokens",
        headers: { ...CSRF, cookie: `formwork_session=${cookie.value}` },
        payload: { name: "bench" },
      });
      return created.json<{ token: string }>().token;
    };
    const adminToken = await token("admin@example.com", true);
    const memberToken = await token("member@example.com", false);
    const call = async (who: string, method: "GET" | "POST", path: string, body?: unknown) => {
      const response = await app.inject({
        method,
        url: path,
        headers: { authorization: `Bearer ${who}` },
        ...(body === undefined ? {} : { payload: body as object }),
      });
      if (response.statusCode >= 300)
        throw new Error(`${method} ${path}: ${response.statusCode} ${response.body}`);
      return response.json();
    };
    const member = await db
      .selectFrom("users")
      .select("id")
      .where("email", "=", "member@example.com")
      .executeTakeFirstOrThrow();
    const appRow = await call(adminToken, "POST", "/api/apps", { name: "Bench" });
    const form = await call(adminToken, "POST", `/api/apps/${appRow.id}/forms`, FORM);
    await call(adminToken, "POST", `/api/forms/${form.id}/publish`);
    const table = (
      await db.selectFrom("forms").select("table_name").where("id", "=", form.id).executeTakeFirstOrThrow()
    ).table_name as string;
    // 50 owners (the member is one of them) in 5 departments; a sub-department under the member's.
    const owners = [member.id];
    for (let i = 1; i < OWNERS; i += 1)
      owners.push(
        (await createUser(db, { email: `o${i}@example.com`, name: `o${i}`, password: "bench-password-1" }))
          .id,
      );
    const depts: string[] = [];
    for (let i = 0; i < 5; i += 1) depts.push((await createDepartment(db, { name: `D${i}` })).id);
    const sub = await createDepartment(db, { name: "D0 sub", parentId: depts[0]! });
    await addDepartmentMembers(db, depts[0]!, [member.id]);
    const started = Date.now();
    await sql`
      INSERT INTO ${sql.table(table)} (id, created_by, owner_id, dept_id, created_at, updated_at, f_title, f_amount, f_stage, f_secret)
      SELECT gen_random_uuid(), o, o, d, now() - g * interval '1 second', now() - g * interval '1 second',
        'Deal ' || g, (g * 37) % 10000, (ARRAY['new','open','won','lost'])[1 + g % 4], 's' || g
      FROM (SELECT g, (${sql.val(owners)}::uuid[])[1 + g % ${OWNERS}] AS o,
                   (${sql.val([...depts, sub.id])}::uuid[])[1 + (g / 7) % 6] AS d
            FROM generate_series(1, ${ROWS}) AS g) s`.execute(db);
    await sql`VACUUM ANALYZE ${sql.table(table)}`.execute(db);
    console.log(`loaded ${ROWS} rows in ${Date.now() - started} ms into ${table}`);

    const variants = [
      {
        name: "own records ($ownerId = $user), preset submit_own",
        adminFilter: { "==": [{ var: "$ownerId" }, member.id] },
        set: { name: "Own", kind: "submit_own", members: [{ type: "user", id: member.id }] },
      },
      {
        name: "department and below ($deptId in $user.departmentsWithSub), custom view + hidden field",
        adminFilter: { in: [{ var: "$deptId" }, [depts[0]!, sub.id]] },
        set: {
          name: "Department",
          kind: "custom",
          actions: ["view"],
          fields: { secret: "hidden" },
          rowCondition: { in: [{ var: "$deptId" }, { var: "$user.departmentsWithSub" }] },
          members: [{ type: "user", id: member.id }],
        },
      },
    ];
    const lines: string[] = [];
    for (const variant of variants) {
      await db.deleteFrom("permission_sets").where("form_id", "=", form.id).execute();
      await call(adminToken, "POST", `/api/forms/${form.id}/permission-sets`, variant.set);
      await app.viewIndexBuilds.idle();
      const query = `/api/forms/${form.id}/records?sort=-$createdAt&limit=50`;
      const first = await call(memberToken, "GET", query);
      const all = await call(adminToken, "GET", query);
      const filtered = `${query}&filter=${encodeURIComponent(JSON.stringify(variant.adminFilter))}`;
      const same = await call(adminToken, "GET", filtered);
      if (same.count.value !== first.count.value)
        throw new Error("the admin's filter does not match the member's rows");
      const admin: number[] = [];
      const memberTimes: number[] = [];
      const adminFiltered: number[] = [];
      // Interleaved, the order rotating, so load changes hit all three alike.
      const runs: [string, string, number[]][] = [
        [adminToken, query, admin],
        [memberToken, query, memberTimes],
        [adminToken, filtered, adminFiltered],
      ];
      for (let i = 0; i < ITERATIONS + 10; i += 1) {
        for (let k = 0; k < runs.length; k += 1) {
          const [who, path, into] = runs[(i + k) % runs.length]!;
          const t0 = performance.now();
          await call(who, "GET", path);
          if (i >= 10) into.push(performance.now() - t0);
        }
      }
      const a = summarize(admin);
      const m = summarize(memberTimes);
      const f = summarize(adminFiltered);
      const ms = (x: { p50: number; p95: number }) => `${x.p50.toFixed(1)} / ${x.p95.toFixed(1)}`;
      const line = `| ${variant.name} | ${first.count.value}${first.count.exact ? "" : "+"} of ${all.count.value} | ${ms(a)} | ${ms(m)} | **${(m.p50 / a.p50).toFixed(2)}×** | ${ms(f)} | ${(m.p50 / f.p50).toFixed(2)}× |`;
      console.log(line);
      lines.push(line);
    }
    const { loadavg } = await import("node:os");
    console.log(
      "\n| member's row condition | member sees | admin, same query: p50 / p95 ms | member: p50 / p95 ms | member / admin (p50) | admin filtering to the member's rows: p50 / p95 ms | member / that (p50) |",
    );
    console.log("|---|---|---|---|---|---|---|");
    for (const line of lines) console.log(line);
    console.log(
      `\nload average at the end: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")}`,
    );
  } finally {
    await app.close();
    await close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
