// Which btree indexes a saved view needs (DESIGN §3: the fields a view filters or sorts on get btree
// indexes, so its page and its exact count are index scans). Pure: the form's layout and the view's
// filter and sort in, lists of columns out, in a deterministic order so the same view always asks for
// the same indexes (and the same names).
//
// The rule, for a filter whose top level is an AND of conditions (a lone condition counts as one):
//   - equality conditions on fields (`==`, `in`) lead a composite index, field ids in sorted order;
//   - the first range condition (`<`, `>=`, `between`, `startsWith`, ...) follows them — or, without
//     one, the first sort key: `region = 'east' AND amount >= 100` sorted by amount is one
//     (region, amount) index, which serves the rows, their order and the count (index-only);
//   - a sort key that differs from that range field gets its own (equalities..., sort key) index, so
//     the page can be read in order and stop after the first rows;
//   - every other field the filter reads (inside OR groups, NOT, other operators) gets a single-field
//     index, which PostgreSQL combines with a bitmap OR.
// Fields whose definition already marks them `indexed` or `unique` need no single-field index; array,
// JSON and sub-form columns are never btree-indexed (array fields marked `indexed` get GIN instead).
import type { FormDefinition } from "@formwork/schema";
import { isSystemField } from "../storage/layout";

export interface IndexPlanInput {
  definition: FormDefinition;
  /** Field id -> SQL type of its column (the published layout's stored fields). */
  columnTypes: ReadonlyMap<string, string>;
  filter: unknown;
  sort: readonly { field: string; direction?: "asc" | "desc" }[];
}

const EQUALITY = new Set(["==", "===", "eq", "in"]);
const RANGE = new Set(["<", "<=", ">", ">=", "lt", "lte", "gt", "gte", "between", "startsWith"]);
const SUBFORM_QUANTIFIERS = new Set(["some", "all", "none"]);
/** The widest composite a view asks for: wider ones rarely help and cost every write. */
const MAX_COLUMNS = 4;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function varOf(operand: unknown): string | undefined {
  if (!isObject(operand)) return undefined;
  const name = Array.isArray(operand.var) ? operand.var[0] : operand.var;
  return typeof name === "string" ? name : undefined;
}

/** The condition's operator and the field it tests, when it is `{op: [{"var": field}, ...]}`. */
function leaf(node: unknown): { op: string; field: string } | undefined {
  if (!isObject(node)) return undefined;
  const keys = Object.keys(node);
  if (keys.length !== 1) return undefined;
  const op = keys[0] as string;
  const args = node[op];
  if (!Array.isArray(args)) return undefined;
  const field = varOf(args[0]);
  if (field === undefined) return undefined;
  // A field compared with another field is not a constant range: no index order helps it.
  if (args.slice(1).some((arg) => varOf(arg) !== undefined)) return undefined;
  return { op, field };
}

function conjuncts(filter: unknown): unknown[] {
  if (filter === undefined || filter === null) return [];
  if (isObject(filter) && Object.keys(filter).length === 1 && Array.isArray(filter.and)) {
    return filter.and.flatMap(conjuncts);
  }
  return [filter];
}

/** Every field name a filter reads, outside sub-form quantifiers (their names are the child's). */
function namesIn(node: unknown, into: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) namesIn(item, into);
    return;
  }
  if (!isObject(node)) return;
  for (const [key, value] of Object.entries(node)) {
    if (key === "var") {
      const name = varOf(node);
      if (name !== undefined && !name.startsWith("$user.")) into.add(name);
    } else if (!SUBFORM_QUANTIFIERS.has(key)) {
      namesIn(value, into);
    }
  }
}

/** Btree index lists the view needs, deduplicated, in a stable order. */
export function planViewIndexes(input: IndexPlanInput): string[][] {
  const sortable = (name: string): boolean => {
    // The primary key already serves $id.
    if (isSystemField(name)) return name !== "$id";
    const type = input.columnTypes.get(name);
    return type !== undefined && type !== "jsonb" && type !== "text[]";
  };
  const ownIndex = new Set<string>(["$id"]);
  for (const field of input.definition.fields) if (field.indexed || field.unique) ownIndex.add(field.id);

  const equalities = new Set<string>();
  let range: string | undefined;
  const covered = new Set<string>();
  for (const part of conjuncts(input.filter)) {
    const condition = leaf(part);
    if (!condition || !sortable(condition.field)) continue;
    if (EQUALITY.has(condition.op)) {
      equalities.add(condition.field);
      covered.add(condition.field);
    } else if (RANGE.has(condition.op) && range === undefined) {
      range = condition.field;
      covered.add(condition.field);
    }
  }
  const leading = [...equalities].sort().slice(0, MAX_COLUMNS - 1);
  const sortKey = input.sort.map((key) => key.field).find((name) => name !== "$id" && sortable(name));

  const plans: string[][] = [];
  const add = (columns: string[]) => {
    const unique = columns.filter((name, i) => columns.indexOf(name) === i);
    if (unique.length === 0) return;
    if (unique.length === 1 && ownIndex.has(unique[0] as string)) return;
    if (!plans.some((plan) => plan.join(",") === unique.join(","))) plans.push(unique);
  };

  const tail = range ?? (sortKey && !equalities.has(sortKey) ? sortKey : undefined);
  add(tail ? [...leading, tail] : leading);
  if (sortKey && range && sortKey !== range && !equalities.has(sortKey)) add([...leading, sortKey]);

  const others = new Set<string>();
  namesIn(input.filter, others);
  for (const name of [...others].sort()) {
    if (covered.has(name) || !sortable(name)) continue;
    add([name]);
  }
  return plans;
}
