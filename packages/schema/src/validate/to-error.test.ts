import { describe, expect, it } from "vitest";
import { invalidDefinitionError } from "./to-error";

describe("invalidDefinitionError", () => {
  it("carries every issue as a detail with its code, under INVALID_DEFINITION (422)", () => {
    const error = invalidDefinitionError(
      [
        { code: "DUPLICATE_FIELD_ID", path: "/fields/3/id", message: "dup" },
        { code: "FORMULA_INVALID", path: "/fields/4/formula", message: "bad", line: 1, column: 2, length: 1 },
      ],
      "form",
    );
    expect(error.status).toBe(422);
    expect(error.toBody()).toEqual({
      error: {
        code: "INVALID_DEFINITION",
        message: "The form has 2 problems.",
        details: [
          { code: "DUPLICATE_FIELD_ID", path: "/fields/3/id", message: "dup" },
          { code: "FORMULA_INVALID", path: "/fields/4/formula", message: "bad" },
        ],
      },
    });
  });
});
