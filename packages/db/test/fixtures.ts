import { type FormDefinition, FormworkError } from "@formwork/schema";
import type { Kysely } from "kysely";
import { newId } from "../src/ids";
import { loadPublishedForm } from "../src/storage/load";
import { publishForm } from "../src/storage/publish";
import type { PublishedForm } from "../src/storage/types";
import { json, type SystemTables } from "../src/tables";

/** An app and a draft form row, as the server creates them before the first publish. */
export async function createFormRow(db: Kysely<SystemTables>, definition: FormDefinition): Promise<string> {
  const appId = newId();
  await db.insertInto("apps").values({ id: appId, name: "Test app" }).execute();
  const formId = newId();
  await db
    .insertInto("forms")
    .values({ id: formId, app_id: appId, key: definition.key, definition: json(definition) })
    .execute();
  return formId;
}

export const quotes: FormDefinition = {
  key: "quotes",
  name: "Quotes",
  fields: [
    { id: "no", type: "serial", label: "No", pattern: [{ text: "QT-" }, { counter: 4 }] },
    { id: "title", type: "text", label: "Title" },
    { id: "code", type: "text", label: "Code", unique: true },
    { id: "amount", type: "number", label: "Amount", indexed: true },
    { id: "due", type: "date", label: "Due" },
    {
      id: "items",
      type: "subform",
      label: "Items",
      fields: [
        { id: "product", type: "text", label: "Product" },
        { id: "qty", type: "number", label: "Qty" },
      ],
    },
  ],
};

/** Creates the form row, publishes `definition` and loads it as the records functions take it. */
export async function publishNew(
  db: Kysely<SystemTables>,
  definition: FormDefinition,
  indexes?: string[][],
): Promise<PublishedForm> {
  const formId = await createFormRow(db, definition);
  await publishForm(db, { formId, definition, ...(indexes ? { indexes } : {}) });
  const form = await loadPublishedForm(db, formId);
  if (!form) throw new Error("published form did not load");
  return form;
}

/** The FormworkError a promise rejects with; fails the test when it resolves or throws anything else. */
export async function failure(promise: Promise<unknown>): Promise<FormworkError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof FormworkError)) throw new Error(`expected a FormworkError, got ${String(error)}`);
  return error;
}
