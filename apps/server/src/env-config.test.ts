import { describe, expect, it } from "vitest";
import { readSettings, SettingsError } from "./env-config";

describe("readSettings", () => {
  it("has the defaults of a one-command start", () => {
    const s = readSettings({}, "/srv/formwork");
    expect(s.server.timeZone).toBe("Asia/Shanghai");
    expect(s.port).toBe(3000);
    expect(s.host).toBe("0.0.0.0");
    expect(s.dataDir).toBe("/srv/formwork/data");
    expect(s.databaseUrl).toBeUndefined();
    expect(s.preparedStatements).toBe(true);
    expect(s.server.trustProxy).toEqual([]);
    expect(s.server.bodyLimit).toBe(1024 * 1024);
  });

  it("anchors a relative data directory where the command was run", () => {
    expect(readSettings({ INIT_CWD: "/repo" }).dataDir).toBe("/repo/data");
  });

  it("reads overrides", () => {
    const s = readSettings(
      {
        PORT: "8080",
        FORMWORK_DATA_DIR: "/var/fw",
        DATABASE_URL: "postgres://x/y",
        TRUST_PROXY: "10.0.0.1, 10.1.0.0/16",
        DATABASE_PREPARED_STATEMENTS: "false",
        FORMWORK_WEBHOOK_ALLOWLIST: "127.0.0.1, hooks.intranet,10.0.0.0/8",
        FORMWORK_SMTP_URL: "smtp://mailer:pw@mail.example.com:587",
        FORMWORK_SMTP_FROM: "Forms <forms@example.com>",
        FORMWORK_SITE_URL: "https://forms.example.com",
      },
      "/",
    );
    expect(s).toMatchObject({
      port: 8080,
      dataDir: "/var/fw",
      databaseUrl: "postgres://x/y",
      preparedStatements: false,
    });
    expect(s.server.trustProxy).toEqual(["10.0.0.1", "10.1.0.0/16"]);
    expect(s.server.webhooks.allowlist).toEqual(["127.0.0.1", "hooks.intranet", "10.0.0.0/8"]);
    expect(s.server.smtp).toEqual({
      url: "smtp://mailer:pw@mail.example.com:587",
      from: "Forms <forms@example.com>",
      siteUrl: "https://forms.example.com",
    });
    expect(readSettings({}).server.smtp).toBeNull();
  });

  it("refuses a blanket TRUST_PROXY and malformed numbers", () => {
    expect(() => readSettings({ TRUST_PROXY: "true" })).toThrow(SettingsError);
    expect(() => readSettings({ PORT: "http" })).toThrow(/PORT/);
    expect(() => readSettings({ PORT: "70000" })).toThrow(/PORT/);
    expect(() => readSettings({ FORMWORK_TIME_ZONE: "Mars/Olympus" })).toThrow(/FORMWORK_TIME_ZONE/);
    expect(() => readSettings({ FORMWORK_WEBHOOK_ALLOWLIST: "10.0.0.0/40" })).toThrow(
      /FORMWORK_WEBHOOK_ALLOWLIST/,
    );
  });

  it("turns the test clock on only with FORMWORK_TEST_CLOCK=1, never in production", () => {
    expect(readSettings({}).server.testClock).toBe(false);
    expect(readSettings({ FORMWORK_TEST_CLOCK: "1" }).server.testClock).toBe(true);
    expect(() => readSettings({ FORMWORK_TEST_CLOCK: "1", NODE_ENV: "production" })).toThrow(
      /FORMWORK_TEST_CLOCK/,
    );
  });
});
