import type { CompiledQuery, DatabaseConnection, Driver, QueryResult, TransactionSettings } from "kysely";
import type pg from "pg";
import { isUnavailable } from "../errors";
import { preparedName } from "../prepared";
import { begin, COUNTING_COMMANDS, quoteIdentifier, run } from "../sql-commands";

class PgConnection implements DatabaseConnection {
  /** Set when the server or the socket went away: the client must leave the pool, not be reused. */
  broken: Error | undefined;

  constructor(
    readonly client: pg.PoolClient,
    private readonly prepare: boolean,
  ) {}

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    try {
      const { sql: text, parameters } = compiledQuery;
      const name = this.prepare ? preparedName(text) : undefined;
      const result = await this.client.query<R & pg.QueryResultRow>(
        name ? { name, text, values: [...parameters] } : { text, values: [...parameters] },
      );
      if (COUNTING_COMMANDS.has(result.command) && result.rowCount !== null) {
        return { rows: result.rows, numAffectedRows: BigInt(result.rowCount) };
      }
      return { rows: result.rows };
    } catch (error) {
      if (isUnavailable(error)) this.broken = error as Error;
      throw error;
    }
  }

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

const silenced = new WeakSet<pg.PoolClient>();
const ignore = () => {};

/**
 * Kysely over a `pg` Pool, written for outages: a client whose server went away (a restart, a killed
 * backend) is released with its error so the pool drops it instead of handing a dead socket to the
 * next request, and a checked-out client's late socket error never becomes an unhandled 'error' event
 * (the query that was running already got it). Requests fail with SERVICE_UNAVAILABLE while the
 * server is down and succeed again as soon as new connections open.
 */
export class PgPoolDriver implements Driver {
  constructor(
    private readonly pool: pg.Pool,
    /** Send statements marked by `prepared()` as named prepared statements. */
    private readonly preparedStatements = true,
  ) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    const client = await this.pool.connect();
    if (!silenced.has(client)) {
      client.on("error", ignore);
      silenced.add(client);
    }
    return new PgConnection(client, this.preparedStatements);
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const { client, broken } = connection as PgConnection;
    client.release(broken);
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
    await this.pool.end();
  }
}
