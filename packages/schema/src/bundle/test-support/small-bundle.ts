// A small bundle that uses every section and every kind of reference, for the validator's tests.
import { testAnalyzer } from "../../validate/test-support/quote-form";
import { validateFormDefinition } from "../../validate/validate-form";
import type { BundleValidationOptions } from "../validate-bundle";

export const options: BundleValidationOptions = {
  validateForm: (def) => validateFormDefinition(def, testAnalyzer),
};

export function smallBundle() {
  return {
    format: 1,
    manifest: {
      name: "mini-crm",
      version: "1.0.0",
      title: { "zh-CN": "迷你客户管理", en: "Mini CRM" },
      description: { "zh-CN": "客户与报价", en: "Customers and quotes" },
      locales: ["zh-CN", "en"],
      icon: "customer",
      colour: "#2f54eb",
    },
    forms: [
      {
        key: "customers",
        name: { "zh-CN": "客户", en: "Customers" },
        fields: [
          { id: "name", type: "text", label: "客户名称", required: true, unique: true },
          { id: "owner", type: "member", label: "负责人" },
          { id: "dept", type: "department", label: "部门" },
          { id: "since", type: "date", label: "首次接触" },
        ],
      },
      {
        key: "quotes",
        name: "报价单",
        fields: [
          { id: "customer", type: "link", label: "客户", form: "customers" },
          {
            id: "items",
            type: "subform",
            label: "明细",
            fields: [{ id: "qty", type: "number", label: "数量" }],
          },
          { id: "discount", type: "number", label: "折扣" },
        ],
        flow: {
          nodes: [
            { id: "start", type: "start" },
            { id: "manager", type: "approval", assignees: [{ role: "manager" }] },
            { id: "end", type: "end" },
          ],
          edges: [
            { id: "e1", source: "start", target: "manager" },
            { id: "e2", source: "manager", target: "end" },
          ],
        },
      },
    ],
    views: [
      {
        id: "recent",
        form: "quotes",
        name: "最近",
        columns: ["customer"],
        sort: [{ field: "$createdAt", direction: "desc" }],
      },
    ],
    permissionSets: [
      {
        id: "reps",
        form: "customers",
        name: "销售",
        kind: "submit_own",
        fields: { owner: "view" },
        members: [
          { type: "role", id: "rep" },
          { type: "department", id: "sales", includeSub: true },
        ],
      },
    ],
    roles: [
      { id: "rep", name: "销售代表" },
      { id: "manager", name: "销售经理" },
    ],
    departments: [
      { id: "hq", name: "总部" },
      { id: "sales", name: "销售部", parent: "hq" },
    ],
    members: [
      { id: "lei", name: "王磊", departments: ["sales"], heads: ["sales"], roles: ["manager"] },
      { id: "fang", name: "李芳", departments: ["sales"], roles: ["rep"] },
    ],
    dashboards: [
      {
        id: "funnel",
        title: "漏斗",
        widgets: [
          {
            id: "count",
            kind: "kpi",
            layout: { x: 0, y: 0, w: 4, h: 2 },
            form: "quotes",
            measures: [{ op: "count" }],
          },
        ],
      },
    ],
    automations: [
      {
        id: "remind",
        name: "跟进提醒",
        form: "customers",
        enabled: true,
        trigger: { type: "dateField", field: "since", offsetDays: 30, time: "09:00" },
        condition: { "!=": [{ var: "name" }, ""] },
        actions: [
          { type: "notify", userFields: ["owner"], users: ["lei"], title: "name" },
          { type: "createRecord", form: "quotes", fields: { discount: "0" } },
        ],
      },
    ],
    sampleData: {
      customers: [
        {
          id: "c1",
          owner: "fang",
          data: { name: "星河科技", owner: "fang", dept: "sales", since: { $days: -30 } },
        },
        { id: "c2", owner: "lei", data: { name: "北辰贸易", owner: "lei" } },
      ],
      quotes: [
        {
          id: "q1",
          owner: "fang",
          flowStatus: "completed",
          data: { customer: "c1", items: [{ qty: 2 }], discount: 0.1 },
        },
      ],
    },
  };
}
