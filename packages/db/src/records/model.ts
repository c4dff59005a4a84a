import {
  buildLayout,
  type ChildLayout,
  type ColumnLayout,
  indexedNames,
  type TableLayout,
} from "../storage/layout";
import type { PublishedForm } from "../storage/types";

/** What the repository derives once per published form object: layout and lookups. */
export interface FormModel {
  form: PublishedForm;
  layout: TableLayout;
  columnsById: Map<string, ColumnLayout>;
  childrenById: Map<string, ChildLayout>;
  /** Unique index name -> field id, to point a UNIQUE_VIOLATION at its field. */
  uniqueFieldByIndex: Map<string, string>;
  /** Names a filter may read and still be counted exactly. */
  indexed: Set<string>;
}

const models = new WeakMap<PublishedForm, FormModel>();

export function modelOf(form: PublishedForm): FormModel {
  let model = models.get(form);
  if (!model) {
    const layout = buildLayout(form.tableName, form.definition, form.indexes ?? []);
    model = {
      form,
      layout,
      columnsById: new Map(layout.columns.map((c) => [c.fieldId, c])),
      childrenById: new Map(layout.children.map((c) => [c.fieldId, c])),
      uniqueFieldByIndex: new Map(
        layout.indexes
          .filter((i) => i.fieldId && i.create.startsWith("CREATE UNIQUE"))
          .map((i) => [i.name, i.fieldId as string]),
      ),
      indexed: indexedNames(form.definition, form.indexes ?? []),
    };
    models.set(form, model);
  }
  return model;
}
