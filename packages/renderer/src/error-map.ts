// Puts each pipeline or server error next to the field its JSON pointer names: "/items/0/qty" belongs
// to the sub-form "items" at "/0/qty"; "" is the whole record (a form's submit validations).

export interface PathMessage {
  path: string;
  message: string;
}

export interface ErrorsByField {
  /** Messages about the record as a whole. */
  form: string[];
  /** Per top-level field id: messages keyed by the pointer relative to that field ("" = the field itself). */
  fields: Map<string, Map<string, string>>;
}

function unescapeToken(token: string): string {
  return token.replace(/~1/g, "/").replace(/~0/g, "~");
}

/** Groups messages by field; the first message at a pointer wins (the pipeline orders them by importance). */
export function errorsByField(errors: readonly PathMessage[]): ErrorsByField {
  const result: ErrorsByField = { form: [], fields: new Map() };
  for (const { path, message } of errors) {
    if (path === "" || !path.startsWith("/")) {
      result.form.push(message);
      continue;
    }
    const slash = path.indexOf("/", 1);
    const field = unescapeToken(slash === -1 ? path.slice(1) : path.slice(1, slash));
    const rest = slash === -1 ? "" : path.slice(slash);
    let messages = result.fields.get(field);
    if (!messages) {
      messages = new Map();
      result.fields.set(field, messages);
    }
    if (!messages.has(rest)) messages.set(rest, message);
  }
  return result;
}

/**
 * The message shown under a field: its own, else (for inputs that do not place nested messages
 * themselves, such as an address or a file list) the first one about a part of its value.
 */
export function fieldMessage(
  messages: ReadonlyMap<string, string> | undefined,
  placesNested: boolean,
): string | undefined {
  if (!messages) return undefined;
  const own = messages.get("");
  if (own !== undefined || placesNested) return own;
  return messages.values().next().value;
}
