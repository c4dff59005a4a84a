// Test-only: the two databases every SQL test runs on (PGlite always, PostgreSQL when
// TEST_DATABASE_URL is set, in a schema of its own that is dropped afterwards) and a compile-only
// Kysely for turning expressions into SQL text and parameters.
import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import {
  DummyDriver,
  type Expression,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type SqlBool,
  sql,
} from "kysely";
import pg from "pg";

export interface TestDatabase {
  name: "pglite" | "postgres";
  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<Row[]>;
  exec(text: string): Promise<void>;
  close(): Promise<void>;
}

// biome-ignore lint/suspicious/noExplicitAny: compile-only instance, no table types involved
export const compiler = new Kysely<any>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

/** SQL text and parameters of a WHERE condition, as the server would send them. */
export function compileCondition(expr: Expression<SqlBool>): { sql: string; parameters: readonly unknown[] } {
  const compiled = sql`${expr}`.compile(compiler);
  return { sql: compiled.sql, parameters: compiled.parameters };
}

async function openPglite(): Promise<TestDatabase> {
  const db = new PGlite();
  return {
    name: "pglite",
    query: async <Row>(text: string, params: readonly unknown[] = []) =>
      (await db.query<Row>(text, [...params])).rows,
    exec: async (text) => {
      await db.exec(text);
    },
    close: () => db.close(),
  };
}

async function openPostgres(url: string): Promise<TestDatabase> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const schema = `expr_sql_${randomBytes(6).toString("hex")}`;
  await client.query(`create schema "${schema}"`);
  await client.query(`set search_path to "${schema}"`);
  return {
    name: "postgres",
    query: async <Row>(text: string, params: readonly unknown[] = []) =>
      (await client.query(text, [...params])).rows as Row[],
    exec: async (text) => {
      await client.query(text);
    },
    close: async () => {
      try {
        await client.query(`drop schema "${schema}" cascade`);
      } finally {
        await client.end();
      }
    },
  };
}

/** The databases to run against: PGlite, plus PostgreSQL when TEST_DATABASE_URL is set. */
export function testDatabases(): { name: TestDatabase["name"]; open: () => Promise<TestDatabase> }[] {
  const url = process.env.TEST_DATABASE_URL;
  const databases: { name: TestDatabase["name"]; open: () => Promise<TestDatabase> }[] = [
    { name: "pglite", open: openPglite },
  ];
  if (url) databases.push({ name: "postgres", open: () => openPostgres(url) });
  return databases;
}
