import type { FormRecord, RecordQuery } from "@formwork/client";
import type { FormDefinition, Locale } from "@formwork/schema";
import { Table, type TableColumnsType, type TableProps } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorState } from "../common/ErrorState";
import { localize } from "../common/localized-text";
import { ImportButton } from "../import/ImportButton";
import { BulkActions } from "./BulkActions";
import { formatCount } from "./count-format";
import { DataToolbar } from "./DataToolbar";
import styles from "./data.module.css";
import { FilterPanel } from "./FilterPanel";
import { countConditions, logicToGroup } from "./filter-model";
import { defaultView, setColumnWidth } from "./grid-view";
import { RecordDrawer } from "./RecordDrawer";
import { ResizableHeaderCell, type ResizableHeaderProps } from "./ResizableHeaderCell";
import { cellText, type GridColumn, gridColumns } from "./record-columns";
import { PAGE_SIZES } from "./saved-views";
import { nextSort, sortOrderOf, sortPriority } from "./sort-state";
import { useGridHeight } from "./use-grid-height";
import { useGridView } from "./use-grid-view";
import { useLinkedRecord } from "./use-linked-record";
import { useOrgNames } from "./use-org-names";
import { useRecordPage } from "./use-records";
import { ViewBar } from "./ViewBar";

const DEFAULT_WIDTH = 180;
const SELECTION_WIDTH = 48;
// Toolbar, tab bar, header and pager above and below the rows (the virtual list needs a pixel height).
const RESERVED_HEIGHT = 330;

interface Props {
  formId: string;
  definition: FormDefinition;
  /** The caller holds the form's import right: show the import button. */
  canImport?: boolean;
}

/** The badge on the filter button: conditions in the filter, or 1 for one the panel cannot show. */
function countFilter(filter: unknown): number {
  if (filter === undefined) return 0;
  const group = logicToGroup(filter);
  return group ? countConditions(group) : 1;
}

/** One form's records: server-side search, filter, multi-sort and paging over a virtual table. */
export function DataGrid({ formId, definition, canImport = false }: Props) {
  const { t, i18n } = useTranslation();
  const locale: Locale = i18n.language === "en" ? "en" : "zh-CN";
  const columns = useMemo(() => gridColumns(definition), [definition]);
  const byId = useMemo(() => new Map(columns.map((c) => [c.id, c])), [columns]);
  const columnIds = useMemo(() => columns.map((c) => c.id), [columns]);
  const control = useGridView(formId, columnIds);
  const { filter, sort, pageSize, columns: view } = control.state;
  const changeView = (columns: typeof view) => control.update({ columns });
  const resetView = () => control.update({ columns: defaultView(columnIds) });

  const [bin, setBin] = useState(false);
  const [q, setQ] = useState("");
  const [filterOpen, setFilterOpen] = useState(false);
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<FormRecord[]>([]);
  const [opened, setOpened] = useState<FormRecord | null>(null);
  const linked = useLinkedRecord(formId);
  const drawn = opened ?? linked.record ?? null;
  const height = useGridHeight(RESERVED_HEIGHT);

  const query: RecordQuery = {
    filter,
    sort,
    q: q || undefined,
    limit: pageSize,
    offset: (page - 1) * pageSize,
    deleted: bin || undefined,
  };
  const result = useRecordPage(formId, query);
  const records = result.data?.records ?? [];
  const count = result.data?.count;
  const names = useOrgNames(records, columns);

  const labelOf = (column: GridColumn) =>
    column.field
      ? localize(column.field.label, i18n.language) || column.id
      : t(`data.system.${column.id.slice(1)}`);
  const labelOfId = (id: string) => {
    const column = byId.get(id);
    return column ? labelOf(column) : id;
  };

  const restart = () => {
    setPage(1);
    setSelected([]);
  };

  const tableColumns: TableColumnsType<FormRecord> = view.columns
    .filter((c) => c.visible && byId.has(c.id))
    .map((viewColumn) => {
      const column = byId.get(viewColumn.id) as GridColumn;
      const width = viewColumn.width ?? DEFAULT_WIDTH;
      return {
        key: column.id,
        title: labelOf(column),
        width,
        ellipsis: true,
        sorter: { multiple: sortPriority(sort, column.id) },
        sortOrder: sortOrderOf(sort, column.id),
        showSorterTooltip: false,
        render: (_: unknown, record: FormRecord) => cellText(record, column, locale, names),
        onHeaderCell: (): ResizableHeaderProps => ({
          width,
          onResize: (next) => changeView(setColumnWidth(view, column.id, next)),
        }),
      };
    });
  const scrollX = tableColumns.reduce((sum, c) => sum + Number(c.width ?? DEFAULT_WIDTH), SELECTION_WIDTH);

  const onTableChange: TableProps<FormRecord>["onChange"] = (pagination, _filters, sorter, extra) => {
    if (extra.action === "sort") {
      const list = Array.isArray(sorter) ? sorter : [sorter];
      control.update({
        sort: nextSort(
          sort,
          list.map((s) => ({ field: String(s.columnKey), order: s.order })),
        ),
      });
      restart();
    } else if (extra.action === "paginate") {
      const size = pagination.pageSize ?? pageSize;
      setPage(size === pageSize ? (pagination.current ?? 1) : 1);
      if (size !== pageSize) control.update({ pageSize: size });
      setSelected([]);
    }
  };

  // An estimated count may be below what paging has already shown; never offer fewer pages than seen.
  const seen = (page - 1) * pageSize + records.length + (result.data?.nextCursor ? 1 : 0);
  const total = count ? (count.exact ? count.value : Math.max(count.value, seen)) : seen;

  return (
    <div className={styles.grid} data-testid="data-grid">
      <ViewBar
        control={{
          ...control,
          open: (viewId) => {
            control.open(viewId);
            restart();
          },
        }}
      />
      <DataToolbar
        bin={bin}
        onBinChange={(next) => {
          setBin(next);
          restart();
        }}
        onSearch={(text) => {
          setQ(text.trim());
          restart();
        }}
        filterCount={countFilter(filter)}
        filterOpen={filterOpen}
        onToggleFilter={() => setFilterOpen((open) => !open)}
        view={view}
        labelOf={labelOfId}
        onViewChange={changeView}
        onViewReset={resetView}
        actions={canImport ? <ImportButton formId={formId} /> : null}
      />
      {filterOpen ? (
        <FilterPanel
          // A new draft whenever the applied filter changes (another view opened, changes discarded).
          key={`${control.active?.id ?? ""}:${JSON.stringify(filter ?? null)}`}
          columns={columns}
          columnLabel={labelOf}
          applied={filter}
          onApply={(next) => {
            control.update({ filter: next });
            restart();
          }}
        />
      ) : null}
      <BulkActions
        formId={formId}
        bin={bin}
        selected={selected}
        columns={columns}
        labelOf={labelOf}
        onDone={() => setSelected([])}
      />
      {result.isError ? (
        <ErrorState error={result.error} onRetry={() => void result.refetch()} />
      ) : (
        <Table<FormRecord>
          className={styles.table}
          rowKey="id"
          size="middle"
          virtual
          scroll={{ x: scrollX, y: height }}
          loading={result.isFetching}
          columns={tableColumns}
          dataSource={records}
          components={{ header: { cell: ResizableHeaderCell } }}
          locale={{ emptyText: bin ? t("data.emptyBin") : t("data.empty") }}
          rowSelection={{
            columnWidth: SELECTION_WIDTH,
            selectedRowKeys: selected.map((r) => r.id),
            onChange: (_keys, rows) => setSelected(rows),
          }}
          onRow={(record) => ({ onClick: () => setOpened(record), className: styles.row })}
          onChange={onTableChange}
          pagination={{
            current: page,
            pageSize,
            total,
            pageSizeOptions: PAGE_SIZES,
            showSizeChanger: true,
            size: "small",
            showTotal: () =>
              count ? t("data.count", { count: count.value, formatted: formatCount(count, locale) }) : "",
          }}
        />
      )}
      {drawn ? (
        <RecordDrawer
          key={drawn.id}
          formId={formId}
          definition={definition}
          columns={columns}
          initial={drawn}
          bin={bin}
          onClose={() => {
            setOpened(null);
            linked.clear();
          }}
        />
      ) : null}
    </div>
  );
}
