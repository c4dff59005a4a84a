import { testDatabases } from "@formwork/db/testing";
import { describe, expect, it } from "vitest";
import { DEFAULT_ADMIN_EMAIL, ensureAdmin } from "./bootstrap-admin";

describe.each(testDatabases().filter((d) => d.name === "pglite"))("ensureAdmin ($name)", (database) => {
  it("creates the first admin once, generating a password when none is given", async () => {
    const { db, close } = await database.create();
    try {
      const first = await ensureAdmin(db, { email: undefined, password: undefined });
      expect(first).toMatchObject({
        created: true,
        email: DEFAULT_ADMIN_EMAIL,
        generatedPassword: expect.any(String),
      });
      expect(first.generatedPassword!.length).toBeGreaterThanOrEqual(20);
      const stored = await db.selectFrom("users").select(["email", "is_admin", "password_hash"]).execute();
      expect(stored).toEqual([
        { email: DEFAULT_ADMIN_EMAIL, is_admin: true, password_hash: expect.stringMatching(/^scrypt\$/) },
      ]);
      expect(stored[0]!.password_hash).not.toContain(first.generatedPassword!);

      expect(await ensureAdmin(db, { email: "other@example.com", password: "other-password" })).toEqual({
        created: false,
      });
    } finally {
      await close();
    }
  });

  it("uses FORMWORK_ADMIN_EMAIL and FORMWORK_ADMIN_PASSWORD when given, printing nothing", async () => {
    const { db, close } = await database.create();
    try {
      const result = await ensureAdmin(db, { email: "Boss@Example.com", password: "boss-password" });
      expect(result).toEqual({ created: true, email: "Boss@Example.com" });
      const row = await db.selectFrom("users").select("email").executeTakeFirstOrThrow();
      expect(row.email).toBe("boss@example.com");
    } finally {
      await close();
    }
  });
});
