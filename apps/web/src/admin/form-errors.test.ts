import { ApiError } from "@formwork/client";
import { describe, expect, it } from "vitest";
import { fieldErrors } from "./form-errors";

describe("fieldErrors", () => {
  it("maps pointers to the form's fields and skips the rest", () => {
    const error = new ApiError("CONFLICT", "taken", 409, [
      { path: "/email", message: "already taken" },
      { path: "/departmentIds/1", message: "not found" },
      { path: "", message: "whole request" },
      { path: "/other", message: "x" },
    ]);
    expect(fieldErrors(error, ["email", "departmentIds"])).toEqual([
      { name: "email", errors: ["already taken"] },
      { name: "departmentIds", errors: ["not found"] },
    ]);
    expect(fieldErrors(new Error("x"), ["email"])).toEqual([]);
  });
});
