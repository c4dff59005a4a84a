// Size bounds of a definition. They keep hostile definitions cheap to validate, store and render;
// real forms stay far below them.

export const LIMITS = {
  /** Field and form ids, node and edge ids. */
  idLength: 64,
  /** Labels, names, option labels, short settings strings. */
  labelLength: 200,
  /** Descriptions, help texts, success messages. */
  textLength: 2000,
  /** Formula text; the expression parser has its own bounds on depth. */
  formulaLength: 10_000,
  /** Top-level fields of a form. */
  fields: 500,
  /** Columns of one sub-form. */
  columns: 200,
  options: 1000,
  validations: 100,
  flowNodes: 500,
  flowEdges: 1000,
  assignees: 100,
  /** Elements of one json-logic array (operator arguments, `in` lists). */
  logicItems: 1000,
  /** Nesting depth of the whole definition, json-logic included. Checked before Ajv so deep input never reaches a recursive validator. */
  depth: 64,
  /** Short lists: accept types, departments, fill rules, lookup fields, serial parts. */
  listItems: 100,
} as const;
