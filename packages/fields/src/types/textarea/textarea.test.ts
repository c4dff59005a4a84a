import { describe, expect, it } from "vitest";
import { fieldType } from "./index";

describe("textarea", () => {
  it("turns CRLF and CR into LF and trims", () => {
    expect(fieldType.normalize("  a\r\nb\rc  ", { id: "t", type: "textarea", label: "T" })).toBe("a\nb\nc");
  });
});
