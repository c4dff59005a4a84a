import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";

/**
 * The one Ajv configuration every package uses: draft 2020-12, every error reported (the designer shows
 * them all), strict so a typo in a schema fails loudly instead of silently accepting anything.
 * Union types are allowed because labels are `string | {zh-CN, en}` and json-logic is any JSON.
 */
export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats(ajv);
  return ajv;
}
