import type { PGlite } from "@electric-sql/pglite";
import type { CompiledQuery, DatabaseConnection, Driver, QueryResult, TransactionSettings } from "kysely";
import { begin, COUNTING_COMMANDS, quoteIdentifier, run } from "../sql-commands";
import { Mutex } from "./mutex";

class PGliteConnection implements DatabaseConnection {
  constructor(private readonly pglite: PGlite) {}

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.pglite.query<R>(compiledQuery.sql, [...compiledQuery.parameters], {
      rowMode: "object",
    });
    const command = result.command?.toUpperCase();
    if (command !== undefined && COUNTING_COMMANDS.has(command) && result.affectedRows !== undefined) {
      return { rows: result.rows, numAffectedRows: BigInt(result.affectedRows) };
    }
    return { rows: result.rows };
  }

  // PGlite answers whole result sets; a stream is the same rows handed out in chunks.
  async *streamQuery<R>(
    compiledQuery: CompiledQuery,
    chunkSize = 100,
  ): AsyncIterableIterator<QueryResult<R>> {
    const { rows } = await this.executeQuery<R>(compiledQuery);
    for (let start = 0; start < rows.length; start += chunkSize) {
      yield { rows: rows.slice(start, start + chunkSize) };
    }
  }
}

/**
 * PGlite is one connection to one single-user backend. Every acquire takes a mutex that the release
 * gives back, so a transaction holds the database for its whole duration and concurrent requests
 * queue behind it instead of interleaving statements inside it.
 */
export class PGliteDriver implements Driver {
  private readonly mutex = new Mutex();
  private readonly connection: PGliteConnection;
  private readonly releases: (() => void)[] = [];

  constructor(private readonly pglite: PGlite) {
    this.connection = new PGliteConnection(pglite);
  }

  async init(): Promise<void> {
    await this.pglite.waitReady;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    this.releases.push(await this.mutex.acquire());
    return this.connection;
  }

  async releaseConnection(): Promise<void> {
    this.releases.shift()?.();
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return begin(connection, settings);
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return run(connection, "commit");
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return run(connection, "rollback");
  }

  savepoint(connection: DatabaseConnection, name: string): Promise<void> {
    return run(connection, `savepoint ${quoteIdentifier(name)}`);
  }

  rollbackToSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    return run(connection, `rollback to savepoint ${quoteIdentifier(name)}`);
  }

  releaseSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    return run(connection, `release savepoint ${quoteIdentifier(name)}`);
  }

  async destroy(): Promise<void> {
    if (!this.pglite.closed) await this.pglite.close();
  }
}
