import { Avatar, Button, Divider, Flex, Select, Typography } from "antd";
import { type MouseEvent, useEffect, useMemo, useReducer, useRef, useState } from "react";
import { departmentTree, pathTo } from "./department-tree";
import { textOf } from "./text-of";
import type { FieldInputProps, PersonChoice } from "./types";
import { useRemoteList } from "./use-remote";

type PickerBase = Pick<
  FieldInputProps<"member">,
  "services" | "value" | "onChange" | "readOnly" | "locale" | "inputId" | "invalid"
>;

interface MemberSelectProps extends PickerBase {
  multiple: boolean;
  /** The field's allowed departments (with their sub-departments); all members when absent. */
  departments?: readonly string[] | undefined;
}

const PAGE = 50;

function idsOf(value: unknown): string[] {
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

// Keeps the select open and focused while the user browses departments in its popup.
const keepOpen = (event: MouseEvent) => event.preventDefault();

/**
 * Member pickers: type to search the directory on the server, or browse it department by department
 * (a breadcrumb and the sub-departments as chips above the list). Chosen members keep their names
 * however the list changes.
 */
export function MemberSelect({
  services,
  multiple,
  value,
  onChange,
  readOnly,
  locale,
  inputId,
  invalid,
  departments,
}: MemberSelectProps) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [browse, setBrowse] = useState<string | null>(null);
  const [choices, setChoices] = useState<PersonChoice[]>([]);
  const [loading, setLoading] = useState(false);
  const known = useRef(new Map<string, PersonChoice>());
  const [, remembered] = useReducer((n: number) => n + 1, 0);
  const restrict = departments?.length ? departments : undefined;
  const restrictKey = restrict?.join(",") ?? "";
  const picked = idsOf(value);
  const unnamed = picked.filter((id) => !known.current.has(id)).join(",");

  // Names of chosen members that no search has shown yet (a saved record, a prefilled value).
  useEffect(() => {
    if (!unnamed) return;
    let live = true;
    const ids = unnamed.split(",");
    services
      .searchMembers({ ids, limit: ids.length })
      .then((found) => {
        if (!live) return;
        for (const person of found) known.current.set(person.id, person);
        // Not in the directory any more (disabled, or removed): named as such, not by a raw id.
        for (const id of ids) {
          if (!known.current.has(id))
            known.current.set(id, { id, name: textOf(locale, "已停用的成员", "Former member") });
        }
        remembered();
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [unnamed, services, locale]);

  useEffect(() => {
    if (readOnly || !open) return;
    let live = true;
    setLoading(true);
    const scope = browse ? [browse] : restrictKey ? restrictKey.split(",") : undefined;
    const timer = setTimeout(
      () => {
        services
          .searchMembers({
            ...(query.trim() ? { q: query.trim() } : {}),
            ...(scope ? { departmentIds: scope, includeSub: true } : {}),
            limit: PAGE,
          })
          .then((found) => {
            if (!live) return;
            for (const person of found) known.current.set(person.id, person);
            setChoices(found);
          })
          .catch(() => live && setChoices([]))
          .finally(() => live && setLoading(false));
      },
      query ? 250 : 0,
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [open, query, browse, restrictKey, readOnly, services]);

  const { items: departmentList } = useRemoteList(
    "departments",
    () => services.listDepartments(),
    open && !readOnly,
  );
  const tree = useMemo(
    () => departmentTree(departmentList, restrictKey ? restrictKey.split(",") : undefined),
    [departmentList, restrictKey],
  );
  const path = browse ? pathTo(tree, browse) : [];
  const subDepartments = browse ? (path[path.length - 1]?.children ?? []) : tree;

  const options = [
    ...choices,
    ...picked
      .filter((id) => !choices.some((c) => c.id === id))
      .map((id) => known.current.get(id) ?? { id, name: id }),
  ].map((person) => ({ value: person.id, label: person.name, detail: person.detail }));

  const crumb = (label: string, id: string | null, current: boolean) => (
    <Button
      key={id ?? "all"}
      type="link"
      size="small"
      disabled={current}
      onClick={() => setBrowse(id)}
      style={{ padding: "0 2px", height: 22 }}
    >
      {label}
    </Button>
  );

  const browser = tree.length > 0 && (
    <div
      role="toolbar"
      aria-label={textOf(locale, "按部门浏览", "Browse by department")}
      onMouseDown={keepOpen}
      style={{ padding: "4px 8px 0" }}
    >
      <Flex wrap align="center" gap={2}>
        {crumb(textOf(locale, "全部成员", "All members"), null, browse === null)}
        {path.map((node, i) => (
          <Flex key={node.id} align="center" gap={2}>
            <Typography.Text type="secondary">/</Typography.Text>
            {crumb(node.name, node.id, i === path.length - 1)}
          </Flex>
        ))}
      </Flex>
      {subDepartments.length > 0 && (
        <Flex wrap gap={6} style={{ padding: "6px 0 2px" }}>
          {subDepartments.map((node) => (
            <Button
              key={node.id}
              size="small"
              onClick={() => setBrowse(node.id)}
              style={{ borderRadius: 12 }}
            >
              {node.name} ›
            </Button>
          ))}
        </Flex>
      )}
      <Divider style={{ margin: "6px 0 2px" }} />
    </div>
  );

  return (
    <Select
      id={inputId}
      mode={multiple ? "multiple" : undefined}
      style={{ width: "100%" }}
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setQuery("");
      }}
      showSearch={{ filterOption: false, onSearch: setQuery, searchValue: query }}
      options={options}
      loading={loading}
      value={multiple ? picked : (picked[0] ?? null)}
      onChange={(next: string | string[] | undefined) => {
        const ids = next === undefined || next === null ? [] : Array.isArray(next) ? next : [next];
        onChange(ids.length === 0 ? null : multiple ? ids : ids[0]);
      }}
      optionRender={(option) => (
        <Flex align="center" gap={8}>
          <Avatar size={22} style={{ flex: "none", fontSize: 12 }}>
            {String(option.data.label).slice(0, 1)}
          </Avatar>
          <Flex vertical style={{ minWidth: 0 }}>
            <span>{option.data.label}</span>
            {option.data.detail && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
                {option.data.detail}
              </Typography.Text>
            )}
          </Flex>
        </Flex>
      )}
      popupRender={(menu) => (
        <>
          {browser}
          {menu}
        </>
      )}
      allowClear
      disabled={readOnly}
      placeholder={textOf(locale, "搜索或按部门选择成员", "Search or browse for a member")}
      notFoundContent={loading ? null : textOf(locale, "没有匹配的成员", "No matching members")}
      status={invalid ? "error" : undefined}
    />
  );
}
