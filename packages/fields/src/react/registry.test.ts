import { FIELD_TYPES } from "@formwork/schema";
import { describe, expect, it } from "vitest";
import { fieldInputs } from "./registry";

describe("field inputs registry", () => {
  it("has a component for every field type and nothing else", () => {
    expect(Object.keys(fieldInputs).sort()).toEqual([...FIELD_TYPES].sort());
    for (const type of FIELD_TYPES) expect(typeof fieldInputs[type]).toBe("function");
  });
});
