// An unfinished fill kept in the browser (localStorage, per form), so a reload or a closed tab does not
// lose it. Storage can be full, disabled or hold garbage: every failure just means "no draft".

export interface DraftStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

function keyOf(formKey: string): string {
  return `formwork.draft.${formKey}`;
}

export function loadDraft(
  storage: DraftStorage | undefined,
  formKey: string,
): Record<string, unknown> | undefined {
  try {
    const text = storage?.getItem(keyOf(formKey));
    if (!text) return undefined;
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === "object" && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

export function saveDraft(
  storage: DraftStorage | undefined,
  formKey: string,
  values: Record<string, unknown>,
): boolean {
  try {
    storage?.setItem(keyOf(formKey), JSON.stringify(values));
    return storage !== undefined;
  } catch {
    return false;
  }
}

export function clearDraft(storage: DraftStorage | undefined, formKey: string): void {
  try {
    storage?.removeItem(keyOf(formKey));
  } catch {
    // Nothing to clear when storage is unavailable.
  }
}

/** The browser's localStorage, or undefined where reading it throws (privacy modes, sandboxed frames). */
export function browserStorage(): DraftStorage | undefined {
  try {
    return typeof localStorage === "undefined" ? undefined : localStorage;
  } catch {
    return undefined;
  }
}
