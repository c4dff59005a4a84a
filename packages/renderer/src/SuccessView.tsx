import { localize } from "@formwork/fields/react";
import type { FormDefinition, Locale } from "@formwork/schema";
import { Button, Result } from "antd";
import type { SubmitOutcome } from "./FormRenderer";
import { serialNumbers } from "./submit-data";
import { text } from "./texts";

interface SuccessViewProps {
  form: FormDefinition;
  record: SubmitOutcome;
  locale: Locale;
  onAnother(): void;
}

/** After a fill: the form's success message and the numbers the server gave the record. */
export function SuccessView({ form, record, locale, onAnother }: SuccessViewProps) {
  const serials = serialNumbers(form, record.data);
  const labels = new Map(form.fields.map((f) => [f.id, localize(f.label, locale)]));
  return (
    <Result
      status="success"
      title={localize(form.settings?.successMessage, locale, text(locale, "submitted"))}
      subTitle={
        serials.length > 0 ? (
          <span data-testid="serial-numbers">
            {serials.map((s) => (
              <span key={s.id} style={{ display: "block" }}>
                {labels.get(s.id) ?? text(locale, "serial")}：<strong>{s.value}</strong>
              </span>
            ))}
          </span>
        ) : undefined
      }
      extra={
        <Button type="primary" onClick={onAnother}>
          {text(locale, "submitAnother")}
        </Button>
      }
    />
  );
}
