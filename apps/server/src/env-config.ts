// Reads the operator's settings from the environment. Unknown or malformed values stop the start with
// a message naming the variable, rather than running with a surprise.
import { resolve } from "node:path";
import { AddressPolicy, resolveConfig, type ServerConfig } from "@formwork/server";

export interface RuntimeSettings {
  port: number;
  /** 0.0.0.0: a server is meant to be reached; put it behind a firewall or proxy in production. */
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** PostgreSQL: the record insert as a named prepared statement (DATABASE_PREPARED_STATEMENTS=false turns it off). */
  preparedStatements: boolean;
  admin: { email: string | undefined; password: string | undefined };
  server: ServerConfig;
}

export class SettingsError extends Error {}

/**
 * `cwd` anchors a relative FORMWORK_DATA_DIR: where the operator ran the command (npm and pnpm pass it
 * as INIT_CWD when they run the script from the package folder), so `npm start` at the repository root
 * keeps its data in the root's ./data.
 */
export function readSettings(
  env: NodeJS.ProcessEnv,
  cwd: string = env.INIT_CWD || process.cwd(),
): RuntimeSettings {
  const port = integer(env, "PORT", 3000, 0, 65535);
  const trustProxy = list(env.TRUST_PROXY);
  if (trustProxy.some((entry) => entry === "true" || entry === "*")) {
    throw new SettingsError("TRUST_PROXY takes a list of proxy addresses or CIDR ranges, never true or *");
  }
  const timeZone = env.FORMWORK_TIME_ZONE?.trim() || "Asia/Shanghai";
  if (!isTimeZone(timeZone))
    throw new SettingsError(`FORMWORK_TIME_ZONE "${timeZone}" is not an IANA time zone`);
  const webhookAllowlist = list(env.FORMWORK_WEBHOOK_ALLOWLIST);
  try {
    new AddressPolicy(webhookAllowlist);
  } catch (error) {
    throw new SettingsError(`FORMWORK_WEBHOOK_ALLOWLIST: ${(error as Error).message}`);
  }
  const smtpUrl = env.FORMWORK_SMTP_URL?.trim();
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) {
    throw new SettingsError("FORMWORK_SMTP_URL must start with smtp:// or smtps://");
  }
  const siteUrl = env.FORMWORK_SITE_URL?.trim() || null;
  if (siteUrl && !URL.canParse(siteUrl)) throw new SettingsError("FORMWORK_SITE_URL must be a URL");
  const smtp = smtpUrl
    ? { url: smtpUrl, from: env.FORMWORK_SMTP_FROM?.trim() || "Formwork <formwork@localhost>", siteUrl }
    : null;
  const testClock = env.FORMWORK_TEST_CLOCK?.trim() === "1";
  if (testClock && env.NODE_ENV === "production")
    throw new SettingsError("FORMWORK_TEST_CLOCK is for tests: it cannot be set with NODE_ENV=production");
  const server = resolveConfig({
    testClock,
    trustProxy,
    bodyLimit: integer(env, "FORMWORK_BODY_LIMIT", 1024 * 1024, 1024, 64 * 1024 * 1024),
    secureCookies: env.FORMWORK_SECURE_COOKIES === "true",
    allowedOrigins: list(env.FORMWORK_ALLOWED_ORIGINS),
    uploads: { maxFileBytes: integer(env, "FORMWORK_MAX_UPLOAD_BYTES", 20 * 1024 * 1024, 1, 1024 ** 3) },
    timeZone,
    logLevel: env.LOG_LEVEL ?? "info",
    webhooks: { allowlist: webhookAllowlist },
    smtp,
  });
  return {
    port,
    host: env.HOST?.trim() || "0.0.0.0",
    dataDir: resolve(cwd, env.FORMWORK_DATA_DIR?.trim() || "./data"),
    databaseUrl: env.DATABASE_URL?.trim() || undefined,
    preparedStatements: env.DATABASE_PREPARED_STATEMENTS?.trim() !== "false",
    admin: {
      email: env.FORMWORK_ADMIN_EMAIL?.trim() || undefined,
      password: env.FORMWORK_ADMIN_PASSWORD || undefined,
    },
    server,
  };
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new SettingsError(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function list(raw: string | undefined): string[] {
  return (raw ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
