import type { FormRecord } from "@formwork/client";
import { fieldInputs, localize } from "@formwork/fields/react";
import { relatedFilter } from "@formwork/renderer";
import type { FieldOf, FormDefinition, Locale } from "@formwork/schema";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { useAppFieldServices } from "../api/use-field-services";
import styles from "./data.module.css";

/** The record's related queries (关联查询) under its details: "this customer's contacts". */
export function RecordRelated({ definition, record }: { definition: FormDefinition; record: FormRecord }) {
  const { i18n } = useTranslation();
  const locale: Locale = i18n.language === "en" ? "en" : "zh-CN";
  const { appId = "" } = useParams();
  const services = useAppFieldServices(appId);
  const lookups = definition.fields.filter((f): f is FieldOf<"lookup"> => f.type === "lookup");
  if (lookups.length === 0) return null;
  const Lookup = fieldInputs.lookup;
  return (
    <div className={styles.related} data-testid="record-related">
      {lookups.map((field) => (
        <section key={field.id} data-related={field.id}>
          <h4 className={styles.relatedTitle}>{localize(field.label, locale)}</h4>
          <Lookup
            field={field}
            value={null}
            onChange={() => {}}
            readOnly
            locale={locale}
            services={services}
            inputId={`related-${field.id}`}
            invalid={false}
            related={relatedFilter(field.filter, record.data, record.id)}
          />
        </section>
      ))}
    </div>
  );
}
