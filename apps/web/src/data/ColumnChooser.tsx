import { ArrowDownOutlined, ArrowUpOutlined } from "@ant-design/icons";
import { Button, Checkbox } from "antd";
import { useTranslation } from "react-i18next";
import styles from "./data.module.css";
import { type GridView, moveColumn, setColumnVisible } from "./grid-view";

interface Props {
  view: GridView;
  labelOf(id: string): string;
  onChange(view: GridView): void;
  onReset(): void;
}

/** Show or hide columns and move them; the arrows keep reordering possible from the keyboard. */
export function ColumnChooser({ view, labelOf, onChange, onReset }: Props) {
  const { t } = useTranslation();
  const visibleCount = view.columns.filter((c) => c.visible).length;
  return (
    <div className={styles.columnChooser} data-testid="column-chooser">
      <ul className={styles.columnList}>
        {view.columns.map((column, index) => {
          const label = labelOf(column.id);
          return (
            <li key={column.id} className={styles.columnItem}>
              <Checkbox
                checked={column.visible}
                // The last visible column stays: an empty grid would look like an empty form.
                disabled={column.visible && visibleCount === 1}
                onChange={(e) => onChange(setColumnVisible(view, column.id, e.target.checked))}
              >
                {label}
              </Checkbox>
              <span className={styles.spacer} />
              <Button
                size="small"
                type="text"
                icon={<ArrowUpOutlined />}
                disabled={index === 0}
                aria-label={t("data.columns.moveUp", { name: label })}
                onClick={() => onChange(moveColumn(view, column.id, -1))}
              />
              <Button
                size="small"
                type="text"
                icon={<ArrowDownOutlined />}
                disabled={index === view.columns.length - 1}
                aria-label={t("data.columns.moveDown", { name: label })}
                onClick={() => onChange(moveColumn(view, column.id, 1))}
              />
            </li>
          );
        })}
      </ul>
      <Button size="small" block onClick={onReset}>
        {t("data.columns.reset")}
      </Button>
    </div>
  );
}
