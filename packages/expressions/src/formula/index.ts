export { analyzeFormula, type FormulaOptions, type ParsedFormula, parseFormula } from "./analyze";
export { type BinaryOperator, FIELD_ID, FORMULA_LIMITS, type FormulaNode } from "./ast";
export type { FunctionTable } from "./calls";
export { compileFormula, type FormulaLogic } from "./compile";
export { type ComputationOrder, type ComputedFieldSource, computeOrder } from "./dependency-order";
export {
  type LexResult,
  type Operator as FormulaOperator,
  type Token as FormulaToken,
  tokenize,
} from "./lexer";
export { type LineColumn, lineColumnAt, type Span as FormulaSpan } from "./position";
export { printFormula } from "./print";
export { checkFormula, type FormulaEnvironment, type TypeCheckOptions } from "./typecheck";
