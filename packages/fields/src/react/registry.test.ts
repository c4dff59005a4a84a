import { FIELD_TYPES } from "@formwork/schema";
import { describe, expect, it } from "vitest";
import { fieldInputs } from "./registry";

describe("field inputs registry", () => {
  it("has a component for every field type and nothing else", () => {
    expect(Object.keys(fieldInputs).sort()).toEqual([...FIELD_TYPES].sort());
    // Plain components are functions; the ones loaded on first use are React.lazy objects.
    for (const type of FIELD_TYPES) expect(["function", "object"]).toContain(typeof fieldInputs[type]);
  });
});
