import type { JsonSchemaObject } from "./common";

/** The keywords that select one closed schema per value of an object's `type` property. */
export interface TaggedUnion {
  discriminator: { propertyName: "type" };
  $defs: Record<string, JsonSchemaObject>;
  oneOf: JsonSchemaObject[];
}

/**
 * `discriminator` + `oneOf` over the tags (field types, node kinds): Ajv turns it into one switch on
 * `type` and checks only the matching branch, where an if/then chain with `unevaluatedProperties`
 * made it generate (and spend over a second compiling) code for every branch at every level.
 *
 * The discriminator compiles one branch per tag, so tags that share a settings schema (text and
 * textarea, the four option types ...) point at one `$defs` entry, compiled once provided the Ajv
 * instance does not inline refs. `closed(settings, tags)` builds the branch schema of a group: an
 * object with `type: {enum: tags}` and `additionalProperties: false`.
 */
export function taggedUnion<Tag extends string, Settings>(
  tags: readonly Tag[],
  settingsOf: (tag: Tag) => Settings,
  closed: (settings: Settings, tags: readonly Tag[]) => JsonSchemaObject,
): TaggedUnion {
  const groups = new Map<Settings, Tag[]>();
  for (const tag of tags) groups.set(settingsOf(tag), [...(groups.get(settingsOf(tag)) ?? []), tag]);
  const $defs: Record<string, JsonSchemaObject> = {};
  const oneOf: JsonSchemaObject[] = [];
  for (const [settings, group] of groups) {
    if (group.length === 1) {
      oneOf.push(closed(settings, group));
      continue;
    }
    const name = group.join("_");
    $defs[name] = closed(settings, group);
    for (const tag of group) oneOf.push({ properties: { type: { const: tag } }, $ref: `#/$defs/${name}` });
  }
  return { discriminator: { propertyName: "type" }, $defs, oneOf };
}
