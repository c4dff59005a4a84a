// How a widget names things: a field's label, a measure ("Sum of Amount"), a group key (an option's
// label, a date bucket's start, "(empty)").
import type {
  DashboardBucket,
  FieldDefinition,
  FormDefinition,
  WidgetDimension,
  WidgetMeasure,
} from "@formwork/schema";
import type { TFunction } from "i18next";
import { localize } from "../../common/localized-text";

export interface Labeller {
  /** The field a dimension or measure names, on the widget's form or through a link field. */
  definition(id: string, via?: string): FieldDefinition | undefined;
  field(id: string, via?: string): string;
  measure(m: WidgetMeasure): string;
  key(dimension: WidgetDimension | undefined, value: unknown): string;
}

export function labeller(
  form: FormDefinition | undefined,
  forms: (key: string) => FormDefinition | undefined,
  t: TFunction,
  language: string,
): Labeller {
  const find = (id: string, via?: string): FieldDefinition | undefined => {
    if (via === undefined) return form?.fields.find((f) => f.id === id);
    const link = form?.fields.find((f) => f.id === via);
    return link?.type === "link" ? forms(link.form)?.fields.find((f) => f.id === id) : undefined;
  };
  const field = (id: string, via?: string) => {
    if (id.startsWith("$")) return t(`data.system.${id.slice(1)}`);
    const own = localize(find(id, via)?.label, language) || id;
    if (via === undefined) return own;
    return `${localize(find(via)?.label, language) || via} › ${own}`;
  };
  return {
    definition: find,
    field,
    measure: (m) =>
      m.label ||
      (m.op === "count" && m.field === undefined
        ? t("dashboards.op.countRecords")
        : t(`dashboards.op.${m.op}`, { field: field(m.field ?? "", m.via) })),
    key: (dimension, value) => {
      if (value === null || value === undefined || value === "") return t("dashboards.empty");
      if (typeof value === "boolean") return t(value ? "dashboards.yes" : "dashboards.no");
      const f = dimension ? find(dimension.field, dimension.via) : undefined;
      if (dimension?.bucket) return bucketLabel(dimension.bucket, String(value), t);
      if (f && "options" in f && Array.isArray(f.options)) {
        const option = f.options.find((o) => o.value === value);
        if (option) return localize(option.label, language) || option.value;
      }
      return String(value);
    },
  };
}

function bucketLabel(bucket: DashboardBucket, start: string, t: TFunction): string {
  const [y, m, d] = start.split("-");
  switch (bucket) {
    case "year":
      return t("dashboards.bucketLabel.year", { y });
    case "quarter":
      return t("dashboards.bucketLabel.quarter", { y, q: Math.floor((Number(m) - 1) / 3) + 1 });
    case "month":
      return t("dashboards.bucketLabel.month", { y, m: Number(m) });
    case "week":
      return t("dashboards.bucketLabel.week", { date: `${m}-${d}` });
    default:
      return start;
  }
}
