import { CompiledQuery, type DatabaseConnection, type TransactionSettings } from "kysely";

// Transaction and savepoint statements shared by both drivers.

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export async function begin(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
  const modes = [
    settings.isolationLevel ? `isolation level ${settings.isolationLevel}` : "",
    settings.accessMode ?? "",
  ].filter(Boolean);
  await connection.executeQuery(CompiledQuery.raw(modes.length ? `begin ${modes.join(", ")}` : "begin"));
}

export async function run(connection: DatabaseConnection, statement: string): Promise<void> {
  await connection.executeQuery(CompiledQuery.raw(statement));
}

export const COUNTING_COMMANDS = new Set(["INSERT", "UPDATE", "DELETE", "MERGE"]);
