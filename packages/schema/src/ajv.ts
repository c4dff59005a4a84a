import Ajv2020, { type Options } from "ajv/dist/2020";
import addFormats from "ajv-formats";

/**
 * The one Ajv configuration every package uses: draft 2020-12, every error reported (the designer shows
 * them all), strict so a typo in a schema fails loudly instead of silently accepting anything.
 * Union types are allowed because labels are `string | {zh-CN, en}` and json-logic is any JSON.
 * Compile time matters (validators are compiled on first use, in tests and at server start):
 * - `discriminator` lets a tagged union (a field's `type`) compile to one switch, see `taggedUnion`;
 * - refs are compiled once and called, not inlined at every use, so shared parts are generated once;
 * - Ajv's code optimiser is off: it doubles compile time for validators that run as fast without it.
 * `overrides` is for callers with static, separately tested schemas (e.g. `validateSchema: false`).
 */
export function createAjv(overrides: Options = {}): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    allowUnionTypes: true,
    discriminator: true,
    inlineRefs: false,
    code: { optimize: false },
    ...overrides,
  });
  addFormats(ajv);
  return ajv;
}
