import type { FieldOf } from "@formwork/schema";
import { describe, expect, it } from "vitest";
import { planAggregate } from "./plan";

const field = (filter: unknown, extra: Partial<FieldOf<"aggregate">> = {}): FieldOf<"aggregate"> =>
  ({
    id: "total",
    type: "aggregate",
    label: "Total",
    form: "contracts",
    measure: "sum",
    field: "amount",
    filter,
    ...extra,
  }) as FieldOf<"aggregate">;

describe("planAggregate", () => {
  it("finds the link condition in either order, alone or among others", () => {
    const link = { "==": [{ var: "customer" }, { var: "$record.id" }] };
    expect(planAggregate(field(link))).toMatchObject({ link: "customer", recordRefs: [] });
    expect(planAggregate(field({ "==": [{ var: "$record.id" }, { var: "customer" }] })).link).toBe(
      "customer",
    );
    const paid = { "==": [{ var: "status" }, "paid"] };
    const plan = planAggregate(field({ and: [paid, link] }));
    expect(plan).toMatchObject({ link: "customer", rest: paid });
    expect(plan.sourceReads.sort()).toEqual(["amount", "customer", "status"]);
  });

  it("has no link when the record's id is compared with a value or not at all", () => {
    expect(planAggregate(field(undefined))).toMatchObject({ recordRefs: [], sourceReads: ["amount"] });
    expect(planAggregate(field({ "==": [{ var: "$record.id" }, "x"] })).link).toBeUndefined();
    // Two links: the first is the link, the second stays a condition.
    const two = planAggregate(
      field({
        and: [
          { "==": [{ var: "customer" }, { var: "$record.id" }] },
          { "==": [{ var: "payer" }, { var: "$record.id" }] },
        ],
      }),
    );
    expect(two.link).toBe("customer");
    expect(two.rest).toEqual({ "==": [{ var: "payer" }, { var: "$record.id" }] });
  });

  it("lists the record's own fields the rest reads, by the name it reads them", () => {
    const plan = planAggregate(
      field({
        and: [
          { "==": [{ var: "grade" }, { var: "$record.grade" }] },
          { ">=": [{ var: "amount" }, { var: "$form.floor" }] },
          { in: [{ var: "region" }, [{ var: ["$record.region.code"] }]] },
        ],
      }),
    );
    expect(plan.link).toBeUndefined();
    expect(plan.recordRefs).toEqual([
      { name: "$record.grade", field: "grade" },
      { name: "$form.floor", field: "floor" },
      { name: "$record.region.code", field: "region" },
    ]);
    expect(plan.sourceReads.sort()).toEqual(["amount", "grade", "region"]);
  });
});
