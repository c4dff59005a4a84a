// Puts the server's per-pointer messages next to the form fields they name ("/email" → email,
// "/departmentIds/1" → departmentIds). What names no field is left for a toast.
import { isApiError } from "@formwork/client";

export interface FieldError {
  name: string;
  errors: string[];
}

export function fieldErrors(error: unknown, fields: readonly string[]): FieldError[] {
  if (!isApiError(error)) return [];
  const found = new Map<string, string[]>();
  for (const detail of error.details) {
    const name = detail.path.split("/")[1] ?? "";
    if (!fields.includes(name)) continue;
    found.set(name, [...(found.get(name) ?? []), detail.message || error.message]);
  }
  return [...found].map(([name, errors]) => ({ name, errors }));
}
