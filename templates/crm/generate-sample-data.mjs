#!/usr/bin/env node
// Writes sample-data.json: a year of a fictional company's sales (云帆科技), deterministic from a fixed
// seed, so the committed file is reproducible (`node templates/crm/generate-sample-data.mjs`). Dates are
// {"$days": n}: n days from the install day, so dashboards look alive whenever the template is installed.
// Members (a general manager, a director, two managers, twelve reps, legal, finance) are bundle.json's.
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let seed = 20261127;
/** mulberry32: small, fast, good enough for sample data, and the same on every machine. */
function random() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (min, max) => min + Math.floor(random() * (max - min + 1));
const pick = (list) => list[Math.floor(random() * list.length)];
const weighted = (pairs) => {
  const total = pairs.reduce((n, [, w]) => n + w, 0);
  let r = random() * total;
  for (const [value, w] of pairs) if ((r -= w) < 0) return value;
  return pairs[pairs.length - 1][0];
};
const days = (n) => ({ $days: n });
const round2 = (n) => Math.round(n * 100) / 100;

const REPS = Array.from({ length: 12 }, (_, i) => `rep_${String(i + 1).padStart(2, "0")}`);
const CITY = ["上海", "杭州", "南京", "苏州", "宁波", "北京", "天津", "济南", "青岛", "石家庄"];
const WORDS = [
  "星河",
  "北辰",
  "华创",
  "远景",
  "鼎盛",
  "博远",
  "恒通",
  "启明",
  "青云",
  "瑞丰",
  "金桥",
  "海纳",
  "天成",
  "万象",
  "中科",
  "蓝海",
  "锦程",
  "合力",
  "晨光",
  "卓越",
];
const SUFFIX = ["科技", "贸易", "制造", "信息技术", "网络", "实业", "医疗器械", "教育科技", "物流", "电子"];
const INDUSTRY = [
  "internet",
  "manufacturing",
  "retail",
  "finance",
  "education",
  "healthcare",
  "government",
  "other",
];
const SOURCE = [
  ["website", 3],
  ["telemarketing", 2],
  ["exhibition", 2],
  ["referral", 3],
  ["ads", 1],
  ["other", 1],
];
const SURNAMES = [
  "张",
  "王",
  "李",
  "赵",
  "刘",
  "陈",
  "杨",
  "黄",
  "周",
  "吴",
  "徐",
  "孙",
  "胡",
  "朱",
  "高",
  "林",
];
const GIVEN = [
  "伟",
  "芳",
  "娜",
  "敏",
  "静",
  "磊",
  "洋",
  "勇",
  "艳",
  "杰",
  "涛",
  "明",
  "超",
  "霞",
  "平",
  "刚",
  "婷",
  "宇",
];
const TITLES = ["总经理", "采购经理", "IT 总监", "财务总监", "运营负责人", "技术经理", "行政主管"];
const person = () => pick(SURNAMES) + pick(GIVEN) + (random() < 0.5 ? pick(GIVEN) : "");
const phone = () => `1${pick(["3", "5", "8"])}${String(int(0, 999999999)).padStart(9, "0")}`;

const data = {
  products: [],
  leads: [],
  customers: [],
  contacts: [],
  followups: [],
  opportunities: [],
  quotes: [],
  contracts: [],
  payments: [],
  invoices: [],
  targets: [],
  commissions: [],
};

const PRODUCTS = [
  ["CRM-STD", "云帆 CRM 标准版", "software", "year", 19800, 3000],
  ["CRM-PRO", "云帆 CRM 专业版", "software", "year", 49800, 6000],
  ["CRM-ENT", "云帆 CRM 企业版", "software", "year", 128000, 15000],
  ["ERP-BASE", "进销存基础版", "software", "year", 26800, 4000],
  ["ERP-MFG", "生产管理模块", "software", "year", 68000, 9000],
  ["BI-DASH", "数据看板", "software", "year", 36000, 5000],
  ["HW-SRV", "一体化服务器", "hardware", "unit", 58000, 42000],
  ["HW-PAD", "移动巡检终端", "hardware", "unit", 3200, 2100],
  ["HW-SCAN", "扫码枪", "hardware", "unit", 680, 380],
  ["SVC-IMPL", "实施服务", "service", "day", 2500, 1200],
  ["SVC-DEV", "定制开发", "service", "day", 3200, 1600],
  ["SVC-OPS", "年度运维", "service", "year", 18000, 8000],
  ["TRN-ADMIN", "管理员培训", "training", "day", 4000, 1500],
  ["TRN-USER", "用户培训", "training", "day", 2000, 800],
];
for (const [code, name, category, unit, price, cost] of PRODUCTS) {
  data.products.push({
    id: code.toLowerCase().replace(/-/g, "_"),
    data: { code, name, category, unit, status: "on", list_price: price, cost },
  });
}

for (let i = 1; i <= 120; i++) {
  const owner = pick(REPS);
  data.leads.push({
    id: `lead_${i}`,
    owner,
    data: {
      name: person(),
      company: pick(CITY) + pick(WORDS) + pick(SUFFIX),
      title: pick(TITLES),
      phone: phone(),
      source: weighted(SOURCE),
      status: weighted([
        ["new", 4],
        ["contacted", 3],
        ["qualified", 2],
        ["invalid", 1],
      ]),
      region: REPS.indexOf(owner) < 6 ? "east" : "north",
      owner,
    },
  });
}

const usedNames = new Set();
for (let i = 1; i <= 240; i++) {
  let name;
  do name = `${pick(CITY) + pick(WORDS) + pick(SUFFIX)}有限公司`;
  while (usedNames.has(name));
  usedNames.add(name);
  const owner = pick(REPS);
  const status = weighted([
    ["potential", 3],
    ["interested", 4],
    ["won", 3],
    ["lost", 1],
    ["pool", 1],
  ]);
  const last = -int(1, 120);
  const tags = [];
  if (random() < 0.2) tags.push("key_account");
  if (status === "won" && random() < 0.4) tags.push("repeat");
  if (last < -60 && status !== "lost") tags.push("at_risk");
  if (i > 220) tags.push("new");
  data.customers.push({
    id: `cus_${i}`,
    owner: status === "pool" ? undefined : owner,
    data: {
      name,
      industry: pick(INDUSTRY),
      source: weighted(SOURCE),
      grade: weighted([
        ["A", 1],
        ["B", 3],
        ["C", 4],
      ]),
      status,
      tags,
      phone: phone(),
      owner: status === "pool" ? undefined : owner,
      last_followup: days(last),
      next_followup: status === "lost" || status === "pool" ? undefined : days(int(-10, 30)),
    },
  });
  for (let c = 0; c < int(1, 2); c++) {
    data.contacts.push({
      id: `con_${i}_${c}`,
      owner,
      data: {
        customer: `cus_${i}`,
        name: person(),
        title: pick(TITLES),
        phone: phone(),
        decision_maker: c === 0 ? "yes" : "no",
        owner,
      },
    });
  }
  for (let f = 0; f < int(1, 5); f++) {
    const at = -int(1, 360);
    const next = random() < 0.6 ? at + int(3, 30) : undefined;
    data.followups.push({
      id: `fu_${i}_${f}`,
      owner,
      data: {
        customer: `cus_${i}`,
        contact: `con_${i}_0`,
        method: pick(["phone", "visit", "wechat", "email", "meeting"]),
        followed_at: days(at),
        result: weighted([
          ["positive", 3],
          ["neutral", 4],
          ["negative", 1],
        ]),
        content: pick([
          "介绍产品方案，客户关注价格",
          "现场演示，对报表功能感兴趣",
          "确认采购流程和预算",
          "发送报价，等待内部评审",
          "回访使用情况，提出新需求",
        ]),
        next_at: next === undefined ? undefined : days(next),
        next_plan: next === undefined ? undefined : pick(["发送方案", "约见决策人", "跟进报价", "安排演示"]),
        owner,
      },
    });
  }
}

const STAGES = [
  ["s10", 3],
  ["s30", 3],
  ["s50", 2],
  ["s70", 2],
  ["won", 3],
  ["lost", 2],
];
const products = data.products;
let contractNo = 0;
for (let i = 1; i <= 260; i++) {
  const customer = data.customers[int(0, 199)];
  const owner = customer.owner ?? pick(REPS);
  const stage = weighted(STAGES);
  const lines = Array.from({ length: int(1, 3) }, () => {
    const p = pick(products);
    return { product: p.id, list_price: p.data.list_price, qty: int(1, 10) };
  });
  const amount = round2(lines.reduce((n, l) => n + l.list_price * l.qty, 0));
  const close = stage === "won" || stage === "lost" ? -int(5, 330) : int(-20, 150);
  data.opportunities.push({
    id: `opp_${i}`,
    owner,
    data: {
      name: `${customer.data.name.slice(0, 6)} · ${products.find((p) => p.id === lines[0].product).data.name}`,
      customer: customer.id,
      amount,
      expected_close: days(close),
      stage,
      items: lines,
      lost_reason: stage === "lost" ? pick(["price", "competitor", "budget", "timing"]) : undefined,
      owner,
    },
  });
  if (stage === "s10" || stage === "s30") continue;
  const discount = weighted([
    [0, 3],
    [0.05, 3],
    [0.15, 2],
    [0.25, 1],
    [0.35, 1],
  ]);
  const listTotal = amount;
  const total = round2(listTotal * (1 - discount));
  data.quotes.push({
    id: `quo_${i}`,
    owner,
    flowStatus: "completed",
    data: {
      quoted_on: days(close - int(10, 40)),
      customer: customer.id,
      opportunity: `opp_${i}`,
      items: lines.map((l) => ({ ...l, discount: 0 })),
      overall_discount: discount,
      discount_reason: discount > 0.1 ? "年度框架合作，客户预算有限" : undefined,
      valid_until: days(close + 30),
      owner,
    },
  });
  if (stage !== "won") continue;
  contractNo++;
  const signed = close;
  const terms = weighted([
    ["once", 2],
    ["two", 3],
    ["three", 2],
  ]);
  const split = { once: [1], two: [0.5, 0.5], three: [0.3, 0.4, 0.3] }[terms];
  let paid = 0;
  const contractId = `ctr_${contractNo}`;
  const payments = [];
  split.forEach((share, k) => {
    const planned = round2(total * share);
    const plannedDay = signed + 30 + k * 60;
    const received = plannedDay < -5 && random() < 0.85;
    payments.push({
      id: `pay_${contractNo}_${k + 1}_plan`,
      owner,
      data: {
        contract: contractId,
        customer: customer.id,
        instalment: k + 1,
        kind: "plan",
        contract_amount: total,
        paid_before: 0,
        planned_date: days(plannedDay),
        planned_amount: planned,
        owner,
      },
    });
    if (received) {
      payments.push({
        id: `pay_${contractNo}_${k + 1}`,
        owner,
        data: {
          contract: contractId,
          customer: customer.id,
          instalment: k + 1,
          kind: "actual",
          contract_amount: total,
          paid_before: round2(paid),
          planned_date: days(plannedDay),
          planned_amount: planned,
          actual_date: days(plannedDay + int(-3, 4)),
          actual_amount: planned,
          method: "transfer",
          owner,
        },
      });
      paid = round2(paid + planned);
    }
  });
  data.contracts.push({
    id: contractId,
    owner,
    flowStatus: "completed",
    data: {
      name: `${customer.data.name.slice(0, 8)} 采购合同`,
      customer: customer.id,
      opportunity: `opp_${i}`,
      quote: `quo_${i}`,
      amount: total,
      signed_on: days(signed),
      start_date: days(signed),
      end_date: days(signed + 365),
      payment_terms: terms,
      paid_amount: paid,
      owner,
    },
  });
  data.payments.push(...payments);
  if (paid > 0) {
    data.invoices.push({
      id: `inv_${contractNo}`,
      owner,
      flowStatus: "completed",
      data: {
        contract: contractId,
        customer: customer.id,
        contract_amount: total,
        amount: paid,
        invoice_type: pick(["special", "normal", "electronic"]),
        invoice_title: customer.data.name,
        tax_no: `91${String(int(1e9, 9.9e9))}${pick(["MA", "XB", "QK"])}${int(10, 99)}`.slice(0, 18),
        issued_on: days(signed + int(35, 60)),
        owner,
      },
    });
  }
  data.commissions.push({
    id: `com_${contractNo}`,
    data: {
      contract: contractId,
      rep: owner,
      contract_amount: total,
      rate: 0.03,
      status: signed < -60 ? "paid" : "pending",
    },
  });
}

// Annual targets broken down to month and person, and their departments' sums.
// Months are ~30 days apart counted back from the install day (year, month and period are formulas).
for (let m = 0; m < 12; m++) {
  const monthStart = days(-30 * (11 - m));
  const byDept = { east: 0, north: 0 };
  for (const [r, rep] of REPS.entries()) {
    const target = 80000 + ((r * 7919 + m * 104729) % 9) * 10000;
    byDept[r < 6 ? "east" : "north"] += target;
    data.targets.push({
      id: `tgt_${rep}_${m}`,
      data: { scope: "person", person: rep, month_start: monthStart, target_amount: target },
    });
  }
  for (const dept of ["east", "north"]) {
    data.targets.push({
      id: `tgt_${dept}_${m}`,
      data: {
        scope: "department",
        target_department: dept,
        month_start: monthStart,
        target_amount: byDept[dept],
      },
    });
  }
}

// Undefined values are left out of the JSON (a field not given, as a person would leave it blank).
const out = join(dirname(fileURLToPath(import.meta.url)), "sample-data.json");
writeFileSync(out, `${JSON.stringify(data)}\n`);
const counts = Object.entries(data)
  .map(([k, v]) => `${k} ${v.length}`)
  .join(", ");
console.log(`wrote ${out}: ${counts}`);
