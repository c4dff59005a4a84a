import { TreeSelect } from "antd";
import { useMemo } from "react";
import { type DepartmentNode, departmentTree } from "./department-tree";
import { textOf } from "./text-of";
import type { FieldInputProps } from "./types";
import { useRemoteList } from "./use-remote";

type PickerBase = Pick<
  FieldInputProps<"member">,
  "services" | "value" | "onChange" | "readOnly" | "locale" | "inputId" | "invalid"
>;

interface DepartmentSelectProps extends PickerBase {
  multiple: boolean;
}

interface TreeOption {
  value: string;
  title: string;
  children: TreeOption[];
}

const toOptions = (nodes: DepartmentNode[]): TreeOption[] =>
  nodes.map((n) => ({ value: n.id, title: n.name, children: toOptions(n.children) }));

/** Department pickers: the organisation's tree, searchable by name. */
export function DepartmentSelect({
  services,
  multiple,
  value,
  onChange,
  readOnly,
  locale,
  inputId,
  invalid,
}: DepartmentSelectProps) {
  const { items, loading } = useRemoteList(
    "departments",
    () => services.listDepartments(),
    !readOnly || value != null,
  );
  const treeData = useMemo(() => toOptions(departmentTree(items)), [items]);
  const current = multiple
    ? Array.isArray(value)
      ? value.filter((v): v is string => typeof v === "string")
      : []
    : typeof value === "string"
      ? value
      : undefined;
  return (
    <TreeSelect
      id={inputId}
      multiple={multiple}
      style={{ width: "100%" }}
      treeData={treeData}
      loading={loading}
      value={current}
      onChange={(next: string | string[] | undefined) =>
        onChange(next === undefined || (Array.isArray(next) && next.length === 0) ? null : next)
      }
      allowClear
      showSearch
      treeNodeFilterProp="title"
      treeDefaultExpandAll={items.length <= 30}
      disabled={readOnly}
      placeholder={textOf(locale, "选择部门", "Choose a department")}
      notFoundContent={textOf(locale, "暂无部门", "No departments")}
      status={invalid ? "error" : undefined}
    />
  );
}
