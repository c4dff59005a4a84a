import {
  type FieldInput,
  type FieldServices,
  fieldInputs,
  InputPlaceholder,
  localize,
  SELF_LABELLED,
} from "@formwork/fields/react";
import type { FieldDefinition, FieldType, Locale } from "@formwork/schema";
import { memo, Suspense } from "react";
import { fieldMessage } from "./error-map";
import styles from "./renderer.module.css";

export interface FieldBlockProps {
  field: FieldDefinition;
  value: unknown;
  prepared: unknown;
  onChange(id: string, value: unknown): void;
  onFill(values: Record<string, unknown>): void;
  readOnly: boolean;
  locale: Locale;
  services: FieldServices;
  messages: ReadonlyMap<string, string> | undefined;
  hiddenColumns: ReadonlySet<string> | undefined;
  /** Related queries: see FieldInputProps.related. */
  related?: string | null;
}

/** One field: label, description, its type's input and the message its pointer carries. */
export const FieldBlock = memo(function FieldBlock(props: FieldBlockProps) {
  const {
    field,
    value,
    prepared,
    onChange,
    onFill,
    readOnly,
    locale,
    services,
    messages,
    hiddenColumns,
    related,
  } = props;
  const Input = fieldInputs[field.type] as FieldInput<FieldType>;
  const inputId = `field-${field.id}`;
  const isSubform = field.type === "subform";
  const message = fieldMessage(messages, isSubform);
  const description = localize(field.description, locale);
  return (
    <div className={styles.field} data-field={field.id}>
      {!SELF_LABELLED.has(field.type) && (
        <label className={styles.label} htmlFor={inputId}>
          {field.required && <span className={styles.required}>*</span>}
          {localize(field.label, locale)}
        </label>
      )}
      {description && <div className={styles.description}>{description}</div>}
      <Suspense fallback={<InputPlaceholder />}>
        <Input
          field={field}
          value={value}
          onChange={(next) => onChange(field.id, next)}
          readOnly={readOnly}
          locale={locale}
          services={services}
          inputId={inputId}
          invalid={message !== undefined}
          prepared={isSubform ? prepared : undefined}
          issues={isSubform ? messages : undefined}
          hiddenColumns={hiddenColumns}
          onFill={onFill}
          {...(related !== undefined ? { related } : {})}
        />
      </Suspense>
      {message !== undefined && (
        <div className={styles.error} role="alert">
          {message}
        </div>
      )}
    </div>
  );
});
