import type { FormworkError } from "@formwork/schema";
import { describe, expect, it } from "vitest";
import { mapDatabaseError, UniqueViolationError } from "./errors";

describe("mapDatabaseError", () => {
  it("maps a unique violation and keeps the index name", () => {
    const mapped = mapDatabaseError({ code: "23505", constraint: "r_x_u_email", message: "duplicate key" });
    expect(mapped).toBeInstanceOf(UniqueViolationError);
    expect((mapped as UniqueViolationError).constraint).toBe("r_x_u_email");
    expect((mapped as FormworkError).status).toBe(409);
  });
  it("maps connection failures to 503", () => {
    for (const error of [
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
      { code: "57P01", message: "terminating connection due to administrator command" },
      { code: "08006", message: "connection failure" },
      new Error("Connection terminated unexpectedly"),
    ]) {
      const mapped = mapDatabaseError(error) as FormworkError;
      expect(mapped.code).toBe("SERVICE_UNAVAILABLE");
      expect(mapped.status).toBe(503);
    }
  });
  it("maps data exceptions to 422", () => {
    expect((mapDatabaseError({ code: "22P02", message: "invalid input syntax" }) as FormworkError).code).toBe(
      "VALIDATION_FAILED",
    );
  });
  it("leaves bugs alone", () => {
    const bug = { code: "42P01", message: "relation does not exist" };
    expect(mapDatabaseError(bug)).toBe(bug);
    const plain = new TypeError("x");
    expect(mapDatabaseError(plain)).toBe(plain);
  });
});
