import { Input } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import styles from "../designer.module.css";
import { isValidFieldId } from "../state/field-ids";

/** Renames a field's id when the new one is valid and free; shows why not otherwise. */
export function FieldIdInput({
  id,
  taken,
  onRename,
}: {
  id: string;
  taken: string[];
  onRename: (id: string) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(id);
  useEffect(() => setText(id), [id]);
  const error = !isValidFieldId(text)
    ? t("designer.props.idInvalid")
    : text !== id && taken.includes(text)
      ? t("designer.props.idTaken")
      : undefined;
  const commit = () => {
    if (!error && text !== id) onRename(text);
    else if (error) setText(id);
  };
  return (
    <>
      <Input
        id="prop-id"
        className={styles.code}
        value={text}
        status={error ? "error" : undefined}
        onChange={(event) => setText(event.target.value)}
        onBlur={commit}
        onPressEnter={commit}
      />
      {error ? (
        <div className={styles.inlineError}>{error}</div>
      ) : (
        <div className={styles.hint}>{t("designer.props.idHint")}</div>
      )}
    </>
  );
}
