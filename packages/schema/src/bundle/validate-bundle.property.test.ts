import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pointersOf, pointsIntoInput } from "../validate/test-support/pointers";
import { options, smallBundle } from "./test-support/small-bundle";
import { validateBundle } from "./validate-bundle";

function replaceAt(root: unknown, pointer: string, replacement: unknown): void {
  const segments = pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  const last = segments.pop()!;
  let parent = root as Record<string, unknown>;
  for (const s of segments) parent = parent[s] as Record<string, unknown>;
  // JSON has no undefined: removing an array item splices it out.
  if (replacement === undefined && Array.isArray(parent)) parent.splice(Number(last), 1);
  else if (replacement === undefined) delete parent[last];
  else parent[last] = replacement;
}

const pointers = pointersOf(smallBundle());

describe("validateBundle (properties)", () => {
  it("never throws, and every issue has a code and points into the input, whatever is changed", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...pointers), fc.oneof(fc.jsonValue(), fc.constant(undefined))), {
          minLength: 1,
          maxLength: 4,
        }),
        (mutations) => {
          const bundle = smallBundle();
          for (const [pointer, value] of mutations) {
            try {
              replaceAt(bundle, pointer, value);
            } catch {
              // an earlier mutation removed the parent: skip
            }
          }
          const result = validateBundle(bundle, options);
          if (result.ok) return result.value === (bundle as unknown);
          return result.issues.every((i) => typeof i.code === "string" && pointsIntoInput(bundle, i.path));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("flags exactly the sample references that name nothing, and nothing else", () => {
    const validRecords = ["c1", "c2"];
    const validMembers = ["lei", "fang"];
    const ref = (valid: string[]) =>
      fc.oneof(fc.constantFrom(...valid), fc.constantFrom("x1", "ghost", "zz"));
    fc.assert(
      fc.property(
        fc.array(fc.record({ customer: ref(validRecords), owner: ref(validMembers) }), {
          minLength: 1,
          maxLength: 8,
        }),
        (quotes) => {
          const bundle = smallBundle();
          bundle.sampleData.quotes = quotes.map((q, i) => ({
            id: `q${i}`,
            owner: q.owner,
            flowStatus: "completed",
            data: { customer: q.customer, items: [], discount: 0 },
          }));
          const result = validateBundle(bundle, options);
          const found = result.ok ? [] : result.issues.map((i) => `${i.code} ${i.path}`).sort();
          const expected = quotes
            .flatMap((q, i) => [
              ...(validMembers.includes(q.owner) ? [] : [`UNKNOWN_MEMBER /sampleData/quotes/${i}/owner`]),
              ...(validRecords.includes(q.customer)
                ? []
                : [`UNKNOWN_RECORD /sampleData/quotes/${i}/data/customer`]),
            ])
            .sort();
          expect(found).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});
