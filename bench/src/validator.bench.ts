// Issue 2 speed targets for the record validator:
//   compile ≤ 50 ms for a 30-field form and ≤ 150 ms for 200 fields;
//   validating a 30-field record ≥ 0.8× a hand-written ajv schema of the same shape.
// Run: cd bench && npx vitest bench --run src/validator.bench.ts
import { compileRecordValidator, prepareRecord } from "@formwork/fields";
import { createAjv } from "@formwork/schema";
import { bench, describe } from "vitest";
import { benchForm, benchRecord, handWrittenSchema } from "./validator-fixtures";

const form30 = benchForm(30);
const form200 = benchForm(200);
const record30 = benchRecord(30);

describe("compile a record validator (a fresh form object each time, so no cache hit)", () => {
  bench(
    "30 fields",
    () => {
      compileRecordValidator(structuredClone(form30));
    },
    { time: 3000 },
  );
  bench(
    "200 fields",
    () => {
      compileRecordValidator(structuredClone(form200));
    },
    { time: 3000 },
  );
});

/** Validations per sample: one call takes ~1 µs, too short to time alone on a shared, noisy machine. */
const BATCH = 1000;

describe(`validate a 30-field record (${BATCH} times per sample)`, () => {
  const registry = compileRecordValidator(form30);
  const handWritten = createAjv().compile(handWrittenSchema(30));
  if (!registry(record30) || !handWritten(record30))
    throw new Error("the benchmark record must be valid for both");
  bench(
    "hand-written ajv schema (baseline)",
    () => {
      for (let i = 0; i < BATCH; i++) handWritten(record30);
    },
    { time: 3000 },
  );
  bench(
    "compileRecordValidator (field registry)",
    () => {
      for (let i = 0; i < BATCH; i++) registry(record30);
    },
    { time: 3000 },
  );
});

describe("the whole pipeline for a 30-field record (normalise, rules, schema)", () => {
  const now = new Date("2026-11-27T02:00:00Z");
  bench("prepareRecord", () => {
    prepareRecord(form30, record30, { mode: "create", now });
  });
});
