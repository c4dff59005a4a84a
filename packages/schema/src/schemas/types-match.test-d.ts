// Compile-time proof that the schemas declare exactly the properties of the contract types: `tsc`
// fails here when a property is added to one side only.
import { expectTypeOf } from "vitest";
import type {
  FieldBase,
  FieldSettingsMap,
  FieldType,
  FlowEdge,
  FlowNodeBase,
  NodeKind,
  NodeSettingsMap,
} from "../types";
import type { fieldBaseProperties } from "./field";
import type { fieldSettingsSchemas } from "./field-settings";
import type { flowEdgeSchema, flowNodeSchema, nodeSettingsSchemas } from "./flow";

type PropertiesOf<S> = S extends { properties: infer P } ? keyof P : never;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

type FieldSettingsMismatch = {
  [K in FieldType]: Same<
    PropertiesOf<(typeof fieldSettingsSchemas)[K]>,
    keyof FieldSettingsMap[K]
  > extends true
    ? never
    : K;
}[FieldType];
expectTypeOf<FieldSettingsMismatch>().toEqualTypeOf<never>();

type NodeSettingsMismatch = {
  [K in NodeKind]: Same<PropertiesOf<(typeof nodeSettingsSchemas)[K]>, keyof NodeSettingsMap[K]> extends true
    ? never
    : K;
}[NodeKind];
expectTypeOf<NodeSettingsMismatch>().toEqualTypeOf<never>();

expectTypeOf<Same<keyof typeof fieldBaseProperties, keyof FieldBase | "type">>().toEqualTypeOf<true>();
expectTypeOf<Same<PropertiesOf<typeof flowNodeSchema>, keyof FlowNodeBase>>().toEqualTypeOf<true>();
expectTypeOf<Same<PropertiesOf<typeof flowEdgeSchema>, keyof FlowEdge>>().toEqualTypeOf<true>();
