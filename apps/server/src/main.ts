#!/usr/bin/env node
// formwork start | migrate | admin create --email <email> --password <password> [--name <name>]
import "./wasm-tiering";
import { parseArgs } from "node:util";
import { createUser, installFromGallery, listGallery } from "@formwork/server";
import { TEMPLATES_DIR } from "./app-paths";
import { ensureAdmin } from "./bootstrap-admin";
import { readSettings, SettingsError } from "./env-config";
import { openDatabase } from "./open-database";
import { start } from "./start";

const USAGE = `Usage:
  formwork start                     serve the API and web app (PORT, HOST, DATABASE_URL, FORMWORK_DATA_DIR)
  formwork migrate                   bring the database schema up to date and exit
  formwork admin create --email E --password P [--name N]
                                     create an administrator account
  formwork template list             the templates of the gallery (templates/, or FORMWORK_TEMPLATES_DIR)
  formwork template install NAME [--no-data] [--members demo|installer] [--as EMAIL]
                                     install a template as a new app, with its sample data unless
                                     --no-data; sample members become disabled demo users (or the
                                     installer with --members installer)
`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      email: { type: "string" },
      password: { type: "string" },
      name: { type: "string" },
      "no-data": { type: "boolean" },
      members: { type: "string" },
      as: { type: "string" },
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
    case "template list": {
      for (const t of await listGallery(TEMPLATES_DIR)) {
        const title = typeof t.manifest.title === "string" ? t.manifest.title : t.manifest.title["zh-CN"];
        process.stdout.write(
          `${t.name}\t${t.manifest.version}\t${title}\t${t.sections.forms} forms, ${t.sampleRecords} sample records\n`,
        );
      }
      return 0;
    }
    default:
      if (positionals[0] === "template" && positionals[1] === "install" && positionals.length === 3) {
        return templateInstall(positionals[2]!, values, settings);
      }
      process.stderr.write(`Unknown command "${command}".\n\n${USAGE}`);
      return 2;
  }
}

async function templateInstall(
  name: string,
  values: { "no-data"?: boolean; members?: string; as?: string },
  settings: ReturnType<typeof readSettings>,
): Promise<number> {
  if (values.members !== undefined && values.members !== "demo" && values.members !== "installer") {
    process.stderr.write("--members is demo or installer\n");
    return 2;
  }
  const database = await openDatabase(settings);
  try {
    const bootstrap = await ensureAdmin(database.db, settings.admin);
    if (bootstrap.generatedPassword) {
      process.stdout.write(
        `First administrator: ${bootstrap.email}\nPassword (shown once): ${bootstrap.generatedPassword}\n`,
      );
    }
    const started = performance.now();
    const result = await installFromGallery(database.db, {
      templatesDir: TEMPLATES_DIR,
      name,
      sampleData: values["no-data"] !== true,
      ...(values.members ? { members: values.members as "demo" | "installer" } : {}),
      ...(values.as ? { as: values.as } : {}),
      timeZone: settings.server.timeZone ?? "Asia/Shanghai",
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stdout.write(
      `Installed ${result.template.name} ${result.template.version} as app "${result.app.name}" (${result.app.id}): ` +
        `${result.forms.length} forms, ${result.permissionSets} permission sets, ${result.records} sample records in ${seconds} s.\n`,
    );
    for (const skipped of result.skipped) {
      process.stdout.write(`Skipped ${skipped.count} ${skipped.section}: ${skipped.code}\n`);
    }
    return 0;
  } finally {
    await database.close();
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
