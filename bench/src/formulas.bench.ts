// Issue 2 speed target: rule and formula evaluation at least as fast as plain json-logic-js on the
// same rules. Each group runs the baseline and ours side by side; vitest prints the ratios.
// Run: cd bench && npx vitest bench --run src/formulas.bench.ts
import { evaluate, evaluateRule } from "@formwork/expressions";
import jsonLogic from "json-logic-js";
import { bench, describe } from "vitest";
import { ctx, displayRule, record, totalFormula, totalStandard, validationRule } from "./formulas-fixtures";

type Rule = Parameters<typeof jsonLogic.apply>[0];

function sameOutcome(ours: unknown, theirs: unknown, what: string): void {
  if (JSON.stringify(ours) !== JSON.stringify(theirs)) throw new Error(`${what}: ${ours} ≠ ${theirs}`);
}
sameOutcome(
  evaluateRule(displayRule, record, ctx),
  jsonLogic.truthy(jsonLogic.apply(displayRule as Rule, record)),
  "display",
);
sameOutcome(
  evaluateRule(validationRule, record, ctx),
  jsonLogic.truthy(jsonLogic.apply(validationRule as Rule, record)),
  "rule",
);
sameOutcome(evaluate(totalStandard, record, ctx), jsonLogic.apply(totalStandard as Rule, record), "total");
sameOutcome(evaluate(totalFormula, record, ctx), 217.5, "formula");

describe("display rule {'>': [discount, 0.2]}", () => {
  bench("json-logic-js (baseline)", () => {
    jsonLogic.truthy(jsonLogic.apply(displayRule as Rule, record));
  });
  bench("formwork evaluateRule", () => {
    evaluateRule(displayRule, record, ctx);
  });
});

describe("validation rule (and/or/between/in/!)", () => {
  bench("json-logic-js (baseline)", () => {
    jsonLogic.truthy(jsonLogic.apply(validationRule as Rule, record));
  });
  bench("formwork evaluateRule", () => {
    evaluateRule(validationRule, record, ctx);
  });
});

describe("total: ROUND(SUM(items.subtotal)*(1-discount),2) over 10 rows", () => {
  bench("json-logic-js, standard reduce form (baseline)", () => {
    jsonLogic.apply(totalStandard as Rule, record);
  });
  bench("formwork, standard reduce form", () => {
    evaluate(totalStandard, record, ctx);
  });
  bench("formwork, compiled formula (SUM, ROUND)", () => {
    evaluate(totalFormula, record, ctx);
  });
});

describe("cold: a freshly parsed validation rule each time (first sighting: interpreted, not compiled)", () => {
  const text = JSON.stringify(validationRule);
  bench("json-logic-js (baseline)", () => {
    jsonLogic.apply(JSON.parse(text), record);
  });
  bench("formwork evaluateRule (size check + interpret)", () => {
    evaluateRule(JSON.parse(text), record, ctx);
  });
});
