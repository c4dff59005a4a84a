// Everything an operator may tune, with the defaults a single laptop install wants.

export interface ServerConfig {
  /** Largest JSON body accepted, in bytes. */
  bodyLimit: number;
  /** Proxies whose X-Forwarded-* headers are believed: addresses or CIDR ranges, never "everyone". */
  trustProxy: string[];
  /** Mark the session cookie Secure (set when the site is served over HTTPS). */
  secureCookies: boolean;
  /** Extra origins allowed to send cookie-authenticated writes (the site's own origin always is). */
  allowedOrigins: string[];
  sessionTtlSeconds: number;
  loginThrottle: {
    /** Failed logins allowed per email, and per client address, within the window. */
    maxFailuresPerEmail: number;
    maxFailuresPerIp: number;
    windowSeconds: number;
  };
  uploads: {
    maxFileBytes: number;
    /** MIME types accepted by POST /api/files; images are also checked by their magic bytes. */
    allowedTypes: string[];
  };
  /**
   * Requests allowed per window per client address, per user and per API token (429 with Retry-After
   * beyond). Counted in memory per instance: N instances behind a balancer allow up to N times these.
   */
  rateLimits: {
    enabled: boolean;
    windowSeconds: number;
    perIp: number;
    perUser: number;
    perToken: number;
    /** Requests to public links (fill, query) per client address: guessing and spamming are slow. */
    publicPerIp: number;
  };
  /**
   * Spreadsheet imports. Files arrive through the upload limits above; these bound what one file may
   * expand to. `maxRows`: data rows per file (a larger file is refused before anything is written: split
   * it). `maxCellChars`: longest cell (Excel's own limit). `maxUnzippedBytes` / `maxZipRatio`: an .xlsx
   * whose parts inflate beyond these (a zip bomb) is refused while it is read. `batchSize`: rows per
   * write statement. `pollMs`: how often idle workers look for queued jobs.
   */
  imports: {
    enabled: boolean;
    maxRows: number;
    maxColumns: number;
    maxCellChars: number;
    maxUnzippedBytes: number;
    maxZipRatio: number;
    batchSize: number;
    pollMs: number;
  };
  /** IANA time zone for "today" in filters, serial-number periods and date defaults. */
  timeZone: string;
  /** Pino log level, or false for no logging (tests). */
  logLevel: string | false;
  /**
   * Workflow timers (deadlines, reminders) fired by this process. Every instance may run them: due rows
   * are claimed with SKIP LOCKED. `pollMs` is the longest sleep between polls, `batchSize` timers per
   * transaction, `workers` concurrent firing loops, `reconcileMs` how often instances waiting on nothing
   * are looked for.
   */
  workflowTimers: {
    enabled: boolean;
    pollMs: number;
    batchSize: number;
    workers: number;
    reconcileMs: number;
  };
  /** The outbox dispatcher (webhooks, emails) run by this process; any number of instances may run it. */
  outbox: {
    enabled: boolean;
    /** Longest sleep between polls (ms). */
    pollMs: number;
    /** Messages claimed per round; they are sent concurrently. */
    batchSize: number;
    /** Claiming loops in this process. */
    workers: number;
    /** First retry delay and the longest one (ms); the delay doubles per attempt, jittered to 50–100%. */
    backoffBaseMs: number;
    backoffMaxMs: number;
    /** How long a claim hides a message from other processes: longer than any one attempt can take. */
    leaseMs: number;
  };
  /**
   * Outgoing webhook calls. `allowlist`: host names and addresses/CIDR ranges that may be reached although
   * they are loopback, private or link-local (FORMWORK_WEBHOOK_ALLOWLIST); everything else non-public is
   * refused at connect time and on every redirect.
   */
  webhooks: {
    allowlist: string[];
    timeoutMs: number;
    maxResponseBytes: number;
    maxRedirects: number;
    maxAttempts: number;
  };
  /**
   * Outgoing email (copies of notifications for members who opt in); null: no email, and the opt-in is
   * not offered. `siteUrl` makes the links in emails absolute.
   */
  smtp: { url: string; from: string; siteUrl?: string | null } | null;
  /**
   * The poller of schedule and date-field automations (every instance may run it: due automations are
   * claimed with SKIP LOCKED). `pollMs` between polls, `batchSize` automations per transaction,
   * `dateRecheckMs` how often a date trigger looks for newly matching records during its day.
   */
  /**
   * Test mode only (FORMWORK_TEST_CLOCK=1, refused with NODE_ENV=production): POST /api/test/clock moves
   * the server's clock forward and runs the due automations, for browser tests of date-driven rules.
   */
  testClock: boolean;
  automations: {
    enabled: boolean;
    pollMs: number;
    batchSize: number;
    dateRecheckMs: number;
  };
  /**
   * Realtime (socket.io): `notificationPollMs` is how often an instance with open sockets reads the
   * new notification rows to push counts for; `recheckMs` how often every socket's session or token is
   * checked again (expiry, and revocations made by an instance that could not reach this one).
   */
  realtime: {
    notificationPollMs: number;
    recheckMs: number;
  };
}

export const DEFAULT_ALLOWED_UPLOAD_TYPES = [
  "image/png",
  "image/jpeg",
  "image/gif",
  "image/webp",
  "application/pdf",
  "text/plain",
  "text/csv",
  "application/zip",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation",
];

export const DEFAULT_CONFIG: ServerConfig = {
  bodyLimit: 1024 * 1024,
  trustProxy: [],
  secureCookies: false,
  allowedOrigins: [],
  sessionTtlSeconds: 7 * 24 * 3600,
  loginThrottle: { maxFailuresPerEmail: 5, maxFailuresPerIp: 50, windowSeconds: 15 * 60 },
  uploads: { maxFileBytes: 20 * 1024 * 1024, allowedTypes: DEFAULT_ALLOWED_UPLOAD_TYPES },
  // 50 requests/s per token (Airtable's figure), twice that per user, and room for an office behind one NAT.
  rateLimits: {
    enabled: true,
    windowSeconds: 60,
    perIp: 12_000,
    perUser: 6_000,
    perToken: 3_000,
    publicPerIp: 60,
  },
  imports: {
    enabled: true,
    maxRows: 200_000,
    maxColumns: 500,
    maxCellChars: 32_767,
    maxUnzippedBytes: 256 * 1024 * 1024,
    maxZipRatio: 1000,
    batchSize: 1000,
    pollMs: 1000,
  },
  timeZone: "Asia/Shanghai",
  logLevel: "info",
  workflowTimers: { enabled: true, pollMs: 1000, batchSize: 1000, workers: 2, reconcileMs: 5 * 60_000 },
  // Waits of 30 s, 1 min, 2 min … doubling, capped at 6 h, each jittered to 50–100%: a webhook's 12
  // attempts span roughly 7–14 hours, so a receiver down for a working day still gets everything.
  outbox: {
    enabled: true,
    pollMs: 1000,
    batchSize: 50,
    workers: 2,
    backoffBaseMs: 30_000,
    backoffMaxMs: 6 * 3600_000,
    leaseMs: 5 * 60_000,
  },
  webhooks: {
    allowlist: [],
    timeoutMs: 10_000,
    maxResponseBytes: 64 * 1024,
    maxRedirects: 3,
    maxAttempts: 12,
  },
  smtp: null,
  testClock: false,
  automations: { enabled: true, pollMs: 5_000, batchSize: 20, dateRecheckMs: 5 * 60_000 },
  realtime: { notificationPollMs: 250, recheckMs: 30_000 },
};

export type ServerConfigInput = Partial<
  Omit<
    ServerConfig,
    | "loginThrottle"
    | "uploads"
    | "workflowTimers"
    | "rateLimits"
    | "outbox"
    | "webhooks"
    | "automations"
    | "imports"
    | "realtime"
  >
> & {
  outbox?: Partial<ServerConfig["outbox"]>;
  webhooks?: Partial<ServerConfig["webhooks"]>;
  automations?: Partial<ServerConfig["automations"]>;
  imports?: Partial<ServerConfig["imports"]>;
  realtime?: Partial<ServerConfig["realtime"]>;
  loginThrottle?: Partial<ServerConfig["loginThrottle"]>;
  uploads?: Partial<ServerConfig["uploads"]>;
  workflowTimers?: Partial<ServerConfig["workflowTimers"]>;
  rateLimits?: Partial<ServerConfig["rateLimits"]>;
};

export function resolveConfig(input: ServerConfigInput = {}): ServerConfig {
  // Believing every proxy would let any client choose its address (and so its rate limits).
  const trustProxy: unknown = input.trustProxy ?? [];
  if (!Array.isArray(trustProxy) || trustProxy.some((entry) => typeof entry !== "string")) {
    throw new Error("trustProxy must be a list of proxy addresses or CIDR ranges, never true");
  }
  return {
    ...DEFAULT_CONFIG,
    ...input,
    loginThrottle: { ...DEFAULT_CONFIG.loginThrottle, ...input.loginThrottle },
    uploads: { ...DEFAULT_CONFIG.uploads, ...input.uploads },
    workflowTimers: { ...DEFAULT_CONFIG.workflowTimers, ...input.workflowTimers },
    rateLimits: { ...DEFAULT_CONFIG.rateLimits, ...input.rateLimits },
    outbox: { ...DEFAULT_CONFIG.outbox, ...input.outbox },
    webhooks: { ...DEFAULT_CONFIG.webhooks, ...input.webhooks },
    automations: { ...DEFAULT_CONFIG.automations, ...input.automations },
    imports: { ...DEFAULT_CONFIG.imports, ...input.imports },
    realtime: { ...DEFAULT_CONFIG.realtime, ...input.realtime },
  };
}
