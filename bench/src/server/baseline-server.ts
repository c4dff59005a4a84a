// Child process: the baseline the submission benchmark compares against — a bare Fastify route that
// validates the same body shape with ajv (Fastify's compiler, ajv-formats included), computes the
// formula and does one INSERT through a `pg` pool of the product's size.
import { randomUUID } from "node:crypto";
import Fastify from "fastify";
import pg from "pg";
import {
  BASELINE_COLUMNS,
  BASELINE_TABLE,
  type BenchData,
  baselineBodySchema,
  baselineRow,
} from "./bench-form";
import { announceReady } from "./processes";

// Named, so the benchmark can find its backends (and their CPU time) in pg_stat_activity.
const pool = new pg.Pool({
  connectionString: process.env.BENCH_DATABASE_URL,
  max: 10,
  application_name: "bench-baseline",
});
const columns = ["id", "created_by", "owner_id", ...BASELINE_COLUMNS.map(([name]) => name)];
const insert = `INSERT INTO ${BASELINE_TABLE} (${columns.join(", ")}) VALUES (${columns
  .map((_, i) => `$${i + 1}`)
  .join(", ")}) RETURNING id, version, created_at`;
const actor = randomUUID();

const app = Fastify({ logger: false, ajv: { customOptions: { allErrors: true } } });
app.post<{ Body: { data: BenchData } }>(
  "/records",
  { schema: { body: baselineBodySchema } },
  async (request, reply) => {
    const result = await pool.query(insert, [randomUUID(), actor, actor, ...baselineRow(request.body.data)]);
    return reply.status(201).send({ ...result.rows[0], data: request.body.data });
  },
);
await app.listen({ host: "127.0.0.1", port: 0 });
const address = app.server.address();
process.once("SIGTERM", () => {
  void app
    .close()
    .then(() => pool.end())
    .finally(() => process.exit(0));
});
announceReady({ port: typeof address === "object" && address ? address.port : 0, pid: process.pid });
