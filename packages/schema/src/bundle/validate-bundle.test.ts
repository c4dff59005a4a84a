import { describe, expect, it } from "vitest";
import { compareSemver } from "./semver";
import { options, smallBundle } from "./test-support/small-bundle";
import { validateBundle } from "./validate-bundle";

const issuesOf = (bundle: unknown) => {
  const result = validateBundle(bundle, options);
  return result.ok ? [] : result.issues.map(({ code, path }) => ({ code, path }));
};

describe("validateBundle", () => {
  it("accepts a bundle that uses every section", () => {
    expect(issuesOf(smallBundle())).toEqual([]);
  });

  it("refuses another format before anything else", () => {
    expect(issuesOf({ ...smallBundle(), format: 2 })).toEqual([
      { code: "UNSUPPORTED_FORMAT", path: "/format" },
    ]);
  });

  it("reports the shell's shape with pointers", () => {
    const b = smallBundle() as Record<string, unknown>;
    b.extra = 1;
    (b.manifest as Record<string, unknown>).name = "Bad Name";
    expect(issuesOf(b)).toEqual(
      expect.arrayContaining([
        { code: "UNKNOWN_PROPERTY", path: "/extra" },
        { code: "SCHEMA_VIOLATION", path: "/manifest/name" },
      ]),
    );
  });

  it("checks the version and the forms with the form validator, under the form's pointer", () => {
    const b = smallBundle();
    b.manifest.version = "1.0";
    (b.forms[0]!.fields[0] as Record<string, unknown>).formula = "missing + 1";
    expect(issuesOf(b)).toEqual(
      expect.arrayContaining([
        { code: "INVALID_VERSION", path: "/manifest/version" },
        expect.objectContaining({
          code: "UNKNOWN_FIELD_REF",
          path: expect.stringMatching(/^\/forms\/0\/fields\/0/),
        }),
      ]),
    );
  });

  it("finds every dangling reference", () => {
    const b = smallBundle();
    (b.forms[1]!.fields[0] as Record<string, unknown>).form = "accounts";
    b.forms[1]!.flow!.nodes[1] = { id: "manager", type: "approval", assignees: [{ role: "boss" }] };
    b.views[0]!.columns = ["nope"];
    b.permissionSets[0]!.members.push({ type: "member", id: "ghost" } as never);
    b.permissionSets[0]!.fields = { phone: "hidden" } as never;
    b.departments[1]!.parent = "nowhere";
    b.members[1]!.roles = ["clerk"];
    b.dashboards[0]!.widgets[0]!.form = "orders";
    b.sampleData.customers[0]!.owner = "nobody";
    b.sampleData.customers[1]!.data = { name: "x", owner: "zed", dept: "ops", colour: "red" } as never;
    b.sampleData.quotes[0]!.data.customer = "c9";
    expect(issuesOf(b)).toEqual([
      { code: "UNKNOWN_FORM", path: "/forms/1/fields/0/form" },
      { code: "UNKNOWN_DEPARTMENT", path: "/departments/1/parent" },
      { code: "UNKNOWN_ROLE", path: "/members/1/roles/0" },
      { code: "UNKNOWN_ROLE", path: "/forms/1/flow/nodes/1/assignees/0/role" },
      { code: "UNKNOWN_FIELD", path: "/permissionSets/0/fields/phone" },
      { code: "UNKNOWN_MEMBER", path: "/permissionSets/0/members/2/id" },
      { code: "UNKNOWN_FIELD", path: "/views/0/columns/0" },
      { code: "UNKNOWN_FORM", path: "/dashboards/0/widgets/0/form" },
      { code: "UNKNOWN_MEMBER", path: "/sampleData/customers/0/owner" },
      { code: "UNKNOWN_MEMBER", path: "/sampleData/customers/1/data/owner" },
      { code: "UNKNOWN_DEPARTMENT", path: "/sampleData/customers/1/data/dept" },
      { code: "UNKNOWN_FIELD", path: "/sampleData/customers/1/data/colour" },
      { code: "UNKNOWN_RECORD", path: "/sampleData/quotes/0/data/customer" },
    ]);
  });

  it("refuses duplicate ids, sample links in a cycle and malformed relative dates", () => {
    const b = smallBundle();
    b.roles.push({ id: "rep", name: "again" });
    b.forms.push({ ...b.forms[0]!, flow: undefined } as never);
    b.sampleData.customers[1]!.id = "c1";
    b.sampleData.customers[0]!.data.since = { $days: 1.5 } as never;
    expect(issuesOf(b)).toEqual(
      expect.arrayContaining([
        { code: "DUPLICATE_ID", path: "/roles/2/id" },
        { code: "DUPLICATE_ID", path: "/forms/2/key" },
        { code: "DUPLICATE_ID", path: "/sampleData/customers/1/id" },
        { code: "SCHEMA_VIOLATION", path: "/sampleData/customers/0/data/since" },
      ]),
    );
    const cyclic = smallBundle();
    cyclic.forms[0]!.fields.push({ id: "last_quote", type: "link", label: "报价", form: "quotes" } as never);
    expect(issuesOf(cyclic)).toContainEqual({
      code: "LINK_CYCLE",
      path: expect.stringMatching(/^\/sampleData\//),
    });
  });

  it("checks automations against the bundle's forms and member placeholders", () => {
    const b = smallBundle();
    const auto = b.automations[0]! as Record<string, unknown> & { actions: Record<string, unknown>[] };
    auto.trigger = { type: "dateField", field: "name", offsetDays: 3, time: "9:00" };
    auto.actions[0]!.users = ["lei", "ghost"];
    auto.actions[0]!.userFields = ["dept"];
    auto.actions[1]!.form = "orders";
    auto.enabled = "yes";
    expect(issuesOf(b)).toEqual([
      { code: "SCHEMA_VIOLATION", path: "/automations/0/enabled" },
      { code: "UNKNOWN_MEMBER", path: "/automations/0/actions/0/users/1" },
    ]);
    delete auto.enabled;
    expect(issuesOf(b)).toEqual([
      { code: "INVALID_TIME", path: "/automations/0/trigger/time" },
      { code: "NOT_A_DATE_FIELD", path: "/automations/0/trigger/field" },
      { code: "NOT_A_MEMBER_FIELD", path: "/automations/0/actions/0/userFields/0" },
      { code: "UNKNOWN_FORM", path: "/automations/0/actions/1/form" },
      { code: "UNKNOWN_MEMBER", path: "/automations/0/actions/0/users/1" },
    ]);
    const other = smallBundle();
    other.automations[0]!.form = "orders";
    expect(issuesOf(other)).toEqual([{ code: "UNKNOWN_FORM", path: "/automations/0/form" }]);
    const shape = smallBundle();
    (shape.automations[0] as Record<string, unknown>).trigger = { type: "hourly" };
    expect(issuesOf(shape).every((i) => i.path.startsWith("/automations/0/trigger"))).toBe(true);
    expect(issuesOf(shape).length).toBeGreaterThan(0);
  });

  it("runs a module's section validator under the item's pointer", () => {
    const result = validateBundle(smallBundle(), {
      ...options,
      sections: { dashboards: () => [{ code: "CHART_KIND", path: "/title", message: "bad" }] },
    });
    expect(result.ok ? [] : result.issues).toEqual([
      { code: "CHART_KIND", path: "/dashboards/0/title", message: "bad" },
    ]);
  });
});

describe("compareSemver", () => {
  it("orders versions as semver does", () => {
    const sorted = ["1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-beta", "1.0.0", "1.2.0", "1.10.0", "2.0.0"];
    const shuffled = [...sorted].reverse();
    expect(shuffled.sort(compareSemver)).toEqual(sorted);
  });
});
