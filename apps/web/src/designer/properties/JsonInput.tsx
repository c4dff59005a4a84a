import { Input } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import styles from "../designer.module.css";

/** Any JSON value as text; applied only when it parses, an empty text removes the value. */
export function JsonInput({
  value,
  onChange,
  id,
}: {
  value: unknown;
  onChange: (value: unknown) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  const shown = value === undefined ? "" : JSON.stringify(value, null, 2);
  const [text, setText] = useState(shown);
  const [invalid, setInvalid] = useState(false);
  useEffect(() => {
    setText(shown);
    setInvalid(false);
  }, [shown]);
  return (
    <>
      <Input.TextArea
        id={id}
        className={styles.code}
        autoSize={{ minRows: 2, maxRows: 8 }}
        value={text}
        status={invalid ? "error" : undefined}
        onChange={(event) => {
          const next = event.target.value;
          setText(next);
          if (next.trim() === "") {
            setInvalid(false);
            onChange(undefined);
            return;
          }
          try {
            const parsed: unknown = JSON.parse(next);
            setInvalid(false);
            onChange(parsed);
          } catch {
            setInvalid(true);
          }
        }}
      />
      {invalid ? <div className={styles.inlineError}>{t("designer.json.invalid")}</div> : null}
    </>
  );
}
