#!/usr/bin/env node
// formwork start | migrate | admin create --email <email> --password <password> [--name <name>]
import "./wasm-tiering";
import { parseArgs } from "node:util";
import { createUser } from "@formwork/server";
import { readSettings, SettingsError } from "./env-config";
import { openDatabase } from "./open-database";
import { start } from "./start";

const USAGE = `Usage:
  formwork start                     serve the API and web app (PORT, HOST, DATABASE_URL, FORMWORK_DATA_DIR)
  formwork migrate                   bring the database schema up to date and exit
  formwork admin create --email E --password P [--name N]
                                     create an administrator account
`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      email: { type: "string" },
      password: { type: "string" },
      name: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  const command = positionals.join(" ");
  if (values.help || command === "") {
    process.stdout.write(USAGE);
    return values.help ? 0 : 2;
  }
  const settings = readSettings(process.env);
  switch (command) {
    case "start":
      await start(settings);
      return -1;
    case "migrate": {
      const database = await openDatabase(settings);
      await database.close();
      process.stdout.write(`Database (${database.kind}) is up to date.\n`);
      return 0;
    }
    case "admin create": {
      if (!values.email || !values.password) {
        process.stderr.write(`admin create needs --email and --password\n\n${USAGE}`);
        return 2;
      }
      const database = await openDatabase(settings);
      try {
        const user = await createUser(database.db, {
          email: values.email,
          password: values.password,
          name: values.name ?? "Administrator",
          isAdmin: true,
        });
        process.stdout.write(`Created administrator ${user.email} (${user.id}).\n`);
        return 0;
      } finally {
        await database.close();
      }
    }
    default:
      process.stderr.write(`Unknown command "${command}".\n\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    // -1: a server is running and exits on its own signal.
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    if (error instanceof SettingsError || isReportable(error) || isArgError(error)) {
      process.stderr.write(`${(error as Error).message}\n`);
      process.exit(2);
    }
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);

/** A FormworkError (validation, conflict...): its message is for the operator, its stack is noise. */
function isReportable(error: unknown): boolean {
  return error instanceof Error && error.name === "FormworkError";
}

function isArgError(error: unknown): boolean {
  return (
    error instanceof TypeError && (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS") === true
  );
}
