import { describe, expect, it } from "vitest";
import { quoteForm, testAnalyzer } from "./test-support/quote-form";
import { validateFormDefinition } from "./validate-form";

describe("validateFormDefinition", () => {
  it("accepts the DESIGN §2 quote form with its flow", () => {
    const result = validateFormDefinition(quoteForm(), testAnalyzer);
    expect(result).toEqual({ ok: true, value: quoteForm() });
  });
});
