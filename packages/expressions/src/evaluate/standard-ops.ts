import type { EvalContext } from "../types";
import type { CompileChild, Compiled, OperationBuilder } from "./compiled";
import { NOT_FOUND, pathSegments, resolvePath, resolveVar } from "./resolve-var";
import { truthy } from "./truthy";

// json-logic's own operations with json-logic-js 2.x semantics (pinned by a property test against it),
// except `var`, which uses the safe resolver, and `log`/`method`, which are left out on purpose.

const compileAll = (args: unknown[], compile: CompileChild): Compiled[] => args.map((a) => compile(a));

function values(compiled: Compiled[]): (data: unknown, ctx: EvalContext) => unknown[] {
  return (data, ctx) => {
    const out = new Array(compiled.length);
    for (let i = 0; i < compiled.length; i++) out[i] = (compiled[i] as Compiled)(data, ctx);
    return out;
  };
}

function binary(fn: (a: unknown, b: unknown) => unknown): OperationBuilder {
  return (args, compile) => {
    const a = compile(args[0]);
    const b = compile(args[1]);
    return (data, ctx) => fn(a(data, ctx), b(data, ctx));
  };
}

function unary(fn: (a: unknown) => unknown): OperationBuilder {
  return (args, compile) => {
    const a = compile(args[0]);
    return (data, ctx) => fn(a(data, ctx));
  };
}

function variadic(fn: (values: unknown[]) => unknown): OperationBuilder {
  return (args, compile) => {
    const all = values(compileAll(args, compile));
    return (data, ctx) => fn(all(data, ctx));
  };
}

/** `var`: a constant path is split once; a computed path is resolved on each call. */
const varOp: OperationBuilder = (args, compile) => {
  const fallback = compile(args[1]);
  const path = args[0];
  if (path === null || typeof path !== "object") {
    const segments = pathSegments(path);
    if (segments === undefined) return (data) => data;
    return (data, ctx) => {
      const value = resolvePath(data, segments);
      if (value !== NOT_FOUND) return value;
      return fallback(data, ctx) ?? null;
    };
  }
  const computed = compile(path);
  return (data, ctx) => resolveVar(data, computed(data, ctx), fallback(data, ctx));
};

function missingKeys(data: unknown, keys: unknown[]): unknown[] {
  const missing: unknown[] = [];
  for (const key of keys) {
    const value = resolveVar(data, key, undefined);
    if (value === null || value === "") missing.push(key);
  }
  return missing;
}

const ifOp: OperationBuilder = (args, compile) => {
  const branches = compileAll(args, compile);
  return (data, ctx) => {
    let i = 0;
    for (; i < branches.length - 1; i += 2) {
      if (truthy((branches[i] as Compiled)(data, ctx))) return (branches[i + 1] as Compiled)(data, ctx);
    }
    return i === branches.length - 1 ? (branches[i] as Compiled)(data, ctx) : null;
  };
};

function shortCircuit(stopWhen: boolean): OperationBuilder {
  return (args, compile) => {
    const operands = compileAll(args, compile);
    return (data, ctx) => {
      let current: unknown;
      for (const operand of operands) {
        current = operand(data, ctx);
        if (truthy(current) === stopWhen) return current;
      }
      return current;
    };
  };
}

/** map/filter/all/none/some: the second argument runs with each array item as its data. */
function scoped(run: (items: unknown[], each: (item: unknown) => unknown) => unknown, whenNotArray: unknown) {
  const builder: OperationBuilder = (args, compile) => {
    const source = compile(args[0]);
    const logic = compile(args[1]);
    return (data, ctx) => {
      const items = source(data, ctx);
      if (!Array.isArray(items)) return whenNotArray;
      return run(items, (item) => logic(item, ctx));
    };
  };
  return builder;
}

function substr(source: unknown, start: unknown, end: unknown): string {
  const text = String(source);
  const from = Number(start);
  if ((end as number) < 0) {
    const tail = text.substr(from);
    return tail.substr(0, tail.length + Number(end));
  }
  return text.substr(from, end === undefined ? undefined : Number(end));
}

/** json-logic `in`: as json-logic-js, an empty string contains nothing, not even "". */
export function contains(a: unknown, b: unknown): boolean {
  return (typeof b === "string" && b !== "") || Array.isArray(b) ? b.indexOf(a as never) !== -1 : false;
}

export const STANDARD_OPERATIONS: Record<string, OperationBuilder> = {
  var: varOp,
  // biome-ignore lint/suspicious/noDoubleEquals: json-logic's == is JavaScript's loose equality.
  "==": binary((a, b) => a == b),
  "===": binary((a, b) => a === b),
  // biome-ignore lint/suspicious/noDoubleEquals: json-logic's != is JavaScript's loose inequality.
  "!=": binary((a, b) => a != b),
  "!==": binary((a, b) => a !== b),
  "!": unary((a) => !truthy(a)),
  "!!": unary((a) => truthy(a)),
  "%": binary((a, b) => (a as number) % (b as number)),
  in: binary(contains),
  cat: variadic((v) => v.join("")),
  substr: (args, compile) => {
    const [s, start, end] = [compile(args[0]), compile(args[1]), compile(args[2])];
    return (data, ctx) => substr(s(data, ctx), start(data, ctx), end(data, ctx));
  },
  min: variadic((v) => Math.min(...(v as number[]))),
  max: variadic((v) => Math.max(...(v as number[]))),
  merge: variadic((v) => v.reduce<unknown[]>((a, b) => a.concat(b), [])),
  missing: (args, compile) => {
    const all = values(compileAll(args, compile));
    return (data, ctx) => {
      const keys = all(data, ctx);
      return missingKeys(data, Array.isArray(keys[0]) ? keys[0] : keys);
    };
  },
  missing_some: (args, compile) => {
    const need = compile(args[0]);
    const options = compile(args[1]);
    return (data, ctx) => {
      const keys = options(data, ctx);
      const list = Array.isArray(keys) ? keys : [keys];
      const missing = missingKeys(data, list);
      return list.length - missing.length >= (need(data, ctx) as number) ? [] : missing;
    };
  },
  if: ifOp,
  "?:": ifOp,
  and: shortCircuit(false),
  or: shortCircuit(true),
  filter: scoped((items, each) => items.filter((item) => truthy(each(item))), []),
  map: scoped((items, each) => items.map(each), []),
  all: scoped((items, each) => items.length > 0 && items.every((item) => truthy(each(item))), false),
  none: scoped((items, each) => !items.some((item) => truthy(each(item))), true),
  some: scoped((items, each) => items.some((item) => truthy(each(item))), false),
  reduce: (args, compile) => {
    const source = compile(args[0]);
    const logic = compile(args[1]);
    const initial = compile(args[2]);
    return (data, ctx) => {
      const items = source(data, ctx);
      let accumulator = args[2] === undefined ? null : initial(data, ctx);
      if (!Array.isArray(items)) return accumulator;
      for (const current of items) accumulator = logic({ current, accumulator }, ctx);
      return accumulator;
    };
  },
};
