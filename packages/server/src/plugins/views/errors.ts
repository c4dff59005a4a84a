// The errors of saved views, each with its stable code (packages/schema's catalogue) and a pointer.
import { FormworkError } from "@formwork/schema";

export const viewNotFound = () => new FormworkError("NOT_FOUND", "No such view");

export const cannotShare = () =>
  new FormworkError("FORBIDDEN", "Only the form's designers may create or change shared views", [
    { path: "/shared", message: "not a designer of this form" },
  ]);

export const cannotChange = () =>
  new FormworkError("FORBIDDEN", "Only the form's designers may change a shared view");

export const blankName = () =>
  new FormworkError("VALIDATION_FAILED", "A view needs a name", [{ path: "/name", message: "empty" }]);

export const unknownColumn = (index: number, id: string) =>
  new FormworkError("UNKNOWN_FIELD", `The form has no field "${id}"`, [
    { path: `/columns/${index}/id`, message: "not a field of the form" },
  ]);

export const repeatedColumn = (index: number, id: string) =>
  new FormworkError("VALIDATION_FAILED", `The column "${id}" is listed twice`, [
    { path: `/columns/${index}/id`, message: "listed twice" },
  ]);
