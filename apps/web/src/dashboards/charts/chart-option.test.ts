import type { Widget } from "@formwork/schema";
import { describe, expect, it } from "vitest";
import { chartData } from "./chart-option";

const funnel = {
  id: "f",
  kind: "funnel",
  layout: { x: 0, y: 0, w: 6, h: 4 },
  form: "opportunities",
  dimensions: [{ field: "stage" }],
  measures: [{ op: "sum", field: "amount" }],
} as Widget;
const rows = [
  { g0: "won", m0: 5 },
  { g0: "s10", m0: 90 },
  { g0: "s50", m0: 40 },
];

describe("a funnel's order", () => {
  it("follows the dimension's options (a pipeline's stages) when it has them", () => {
    const { option, keys } = chartData(
      funnel,
      rows,
      (_d, k) => String(k),
      () => "sum",
      ["s10", "s30", "s50", "won"],
    );
    expect(keys).toEqual(["s10", "s50", "won"]);
    expect((option.series as { sort: string }[])[0]?.sort).toBe("none");
  });
  it("sorts by value otherwise", () => {
    const { option } = chartData(
      funnel,
      rows,
      (_d, k) => String(k),
      () => "sum",
    );
    expect((option.series as { sort: string }[])[0]?.sort).toBe("descending");
  });
});
