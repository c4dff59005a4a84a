import { FilterOutlined, TableOutlined } from "@ant-design/icons";
import { Badge, Button, Input, Popover, Segmented } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ColumnChooser } from "./ColumnChooser";
import styles from "./data.module.css";
import type { GridView } from "./grid-view";

interface Props {
  bin: boolean;
  onBinChange(bin: boolean): void;
  onSearch(text: string): void;
  filterCount: number;
  filterOpen: boolean;
  onToggleFilter(): void;
  view: GridView;
  labelOf(id: string): string;
  onViewChange(view: GridView): void;
  onViewReset(): void;
  /** Feature buttons shown at the end (import, ...). */
  actions?: ReactNode;
}

export function DataToolbar(props: Props) {
  const { t } = useTranslation();
  return (
    <div className={styles.toolbar}>
      <Segmented<"records" | "bin">
        value={props.bin ? "bin" : "records"}
        options={[
          { value: "records", label: t("data.records") },
          { value: "bin", label: t("data.bin") },
        ]}
        onChange={(value) => props.onBinChange(value === "bin")}
      />
      <Input.Search
        className={styles.search}
        allowClear
        placeholder={t("data.search")}
        aria-label={t("data.search")}
        onSearch={props.onSearch}
        data-testid="grid-search"
      />
      <span className={styles.spacer} />
      <Badge count={props.filterCount} size="small">
        <Button
          icon={<FilterOutlined />}
          type={props.filterOpen ? "primary" : "default"}
          ghost={props.filterOpen}
          aria-expanded={props.filterOpen}
          onClick={props.onToggleFilter}
          data-testid="filter-toggle"
        >
          {t("data.filter.title")}
        </Button>
      </Badge>
      <Popover
        trigger="click"
        placement="bottomRight"
        title={t("data.columns.title")}
        content={
          <ColumnChooser
            view={props.view}
            labelOf={props.labelOf}
            onChange={props.onViewChange}
            onReset={props.onViewReset}
          />
        }
      >
        <Button icon={<TableOutlined />}>{t("data.columns.title")}</Button>
      </Popover>
      {props.actions}
    </div>
  );
}
