import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { DefinitionValidation } from "./result";
import { flow, quoteFormDefinition } from "./test-support/flows";
import { pointersOf, pointsIntoInput } from "./test-support/pointers";
import { quoteForm, testAnalyzer } from "./test-support/quote-form";
import { validateFlowDefinition } from "./validate-flow";
import { validateFormDefinition } from "./validate-form";

function wellFormed(input: unknown, result: DefinitionValidation<unknown>): boolean {
  if (result.ok) return result.value === input;
  return (
    result.issues.length > 0 &&
    result.issues.every((issue) => typeof issue.code === "string" && pointsIntoInput(input, issue.path))
  );
}

function replaceAt(root: unknown, pointer: string, replacement: unknown): void {
  const segments = pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  const last = segments.pop()!;
  let parent = root as Record<string, unknown>;
  for (const s of segments) parent = parent[s] as Record<string, unknown>;
  if (replacement === undefined && !Array.isArray(parent)) delete parent[last];
  else parent[last] = replacement;
}

const quotePointers = pointersOf(quoteForm());
const mutation = fc.array(
  fc.record({
    at: fc.constantFrom(...quotePointers),
    value: fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.constant(undefined),
      fc.constantFrom("items", "total", "x.y", "$form.q", ""),
    ),
  }),
  { minLength: 1, maxLength: 4 },
);

describe("validators on arbitrary input", () => {
  it("never throw on random JSON and report issues that point into the input", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        expect(wellFormed(value, validateFormDefinition(value, testAnalyzer))).toBe(true);
        expect(wellFormed(value, validateFlowDefinition(value, quoteFormDefinition()))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it("never throw on mutated quote forms", () => {
    fc.assert(
      fc.property(mutation, (changes) => {
        const def = quoteForm();
        for (const { at, value } of changes) {
          try {
            // A copy: validation may normalise what it is given, and fast-check still holds the value.
            replaceAt(def, at, structuredClone(value));
          } catch {
            // an earlier change removed this path's parent; the mutation simply does not apply
          }
        }
        expect(wellFormed(def, validateFormDefinition(def, testAnalyzer))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it("never throw on random graphs of any node kinds", () => {
    const kinds = ["start", "approval", "fill", "cc", "branch", "parallel", "join", "end", "other"];
    const graph = fc.array(fc.constantFrom(...kinds), { minLength: 1, maxLength: 12 }).chain((nodeKinds) =>
      fc.tuple(
        fc.constant(nodeKinds),
        fc.array(fc.tuple(fc.nat(nodeKinds.length), fc.nat(nodeKinds.length), fc.boolean(), fc.boolean()), {
          maxLength: 20,
        }),
      ),
    );
    fc.assert(
      fc.property(graph, ([nodeKinds, edgeSpecs]) => {
        const f = flow(
          nodeKinds.map((kind, i) => `n${i}:${kind}`),
          edgeSpecs.map(([s, t]) => `n${s}>n${t}`),
          {
            edges: Object.fromEntries(
              edgeSpecs.map(([, , isDefault, hasWhen], i) => [
                `e${i + 1}`,
                {
                  ...(isDefault ? { default: true } : {}),
                  ...(hasWhen ? { when: { var: "discount" } } : {}),
                },
              ]),
            ),
          },
        );
        expect(wellFormed(f, validateFlowDefinition(f, quoteFormDefinition()))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
