import { DeleteOutlined, EditOutlined, HolderOutlined, MoreOutlined } from "@ant-design/icons";
import {
  type Announcements,
  closestCenter,
  DndContext,
  type DragEndEvent,
  type DragOverEvent,
  KeyboardSensor,
  PointerSensor,
  TouchSensor,
  type UniqueIdentifier,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import {
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import type { MenuItem, MenuLeaf } from "@formwork/client";
import { App as AntdApp, Button, Dropdown, type MenuProps } from "antd";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import type { FormMenuProps } from "../FormMenu";
import styles from "../workspace.module.css";
import { GroupNameModal } from "./GroupNameModal";
import { MenuGroup } from "./MenuGroup";
import { MenuLeafRow } from "./MenuLeafRow";
import { dropResult, groupRowId, parseRowId } from "./menu-dnd";
import {
  addGroup,
  deleteGroup,
  leafKey,
  leaves,
  moveLeaf,
  newGroupId,
  placeOf,
  renameGroup,
} from "./menu-model";
import { useCollapsedGroups } from "./use-collapsed-groups";
import { useMenuLinks } from "./use-menu-links";
import { useSaveMenu } from "./use-save-menu";

// Constants: useSensor memoises on the options' identity (inline objects re-render every row).
const POINTER = { activationConstraint: { distance: 4 } };
const TOUCH = { activationConstraint: { delay: 150, tolerance: 6 } };
const KEYBOARD = { coordinateGetter: sortableKeyboardCoordinates };

/** A row's drag handle and its place in the sortable list. */
function useRowSortable(id: string, name: string) {
  const { t } = useTranslation();
  const sortable = useSortable({ id });
  const handle = (
    <button
      type="button"
      ref={sortable.setActivatorNodeRef}
      className={styles.handle}
      aria-label={t("menu.dragHandle", { name })}
      data-testid="menu-drag"
      {...sortable.attributes}
      {...sortable.listeners}
    >
      <HolderOutlined />
    </button>
  );
  return {
    handle,
    rowRef: sortable.setNodeRef,
    style: { transform: CSS.Translate.toString(sortable.transform), transition: sortable.transition },
    dragging: sortable.isDragging,
  };
}

function RowActions({ label, testId, menu }: { label: string; testId: string; menu: MenuProps }) {
  return (
    <Dropdown trigger={["click"]} menu={menu}>
      <Button
        size="small"
        type="text"
        icon={<MoreOutlined />}
        className={styles.rowAction}
        aria-label={label}
        data-testid={testId}
      />
    </Dropdown>
  );
}

/** A row (form, dashboard or group header) that takes part in sorting; `render` draws it with its drag bits. */
function Sortable(props: {
  rowId: string;
  name: string;
  render: (bits: ReturnType<typeof useRowSortable>) => ReactNode;
}) {
  return props.render(useRowSortable(props.rowId, props.name));
}

/**
 * The administrators' menu: rows drag with the mouse, touch or keyboard (Space, arrows, Space), groups
 * are created, renamed and deleted, and a row's "move to" menu moves a form or dashboard without
 * dragging. Forms and dashboards move alike, between groups and the top level. Every
 * change is saved as a whole layout on the revision it was made on.
 */
export function EditableFormMenu({ app, creatingGroup = false, onGroupCreated, onPick }: FormMenuProps) {
  const { t } = useTranslation();
  const { modal } = AntdApp.useApp();
  const view = useMenuLinks(app);
  const save = useSaveMenu(app.id);
  const [collapsed, toggle] = useCollapsedGroups(app.id);
  const [rename, setRename] = useState<{ id: string; name: string }>();
  const [overGroup, setOverGroup] = useState<string>();
  const sensors = useSensors(
    useSensor(PointerSensor, POINTER),
    useSensor(TouchSensor, TOUCH),
    useSensor(KeyboardSensor, KEYBOARD),
  );
  const menu = app.menu;
  const groups = menu.flatMap((item) => (item.type === "group" ? [item] : []));
  const change = (next: MenuItem[] | undefined) => {
    if (next && JSON.stringify(next) !== JSON.stringify(menu)) save.mutate(next);
  };

  const rowName = (id: UniqueIdentifier | undefined): string => {
    const row = id === undefined ? undefined : parseRowId(id);
    if (row?.kind === "group") return groups.find((group) => group.id === row.id)?.name ?? "";
    const leaf = row && leaves(menu).find((one) => leafKey(one) === row.key);
    return (leaf && view(leaf)?.name) ?? "";
  };
  const announcements: Announcements = {
    onDragStart: ({ active }) => t("menu.dnd.start", { name: rowName(active.id) }),
    onDragOver: ({ active, over }) =>
      t("menu.dnd.over", { name: rowName(active.id), target: rowName(over?.id) }),
    onDragEnd: ({ active, over }) =>
      over
        ? t("menu.dnd.dropped", { name: rowName(active.id), target: rowName(over.id) })
        : t("menu.dnd.cancelled", { name: rowName(active.id) }),
    onDragCancel: ({ active }) => t("menu.dnd.cancelled", { name: rowName(active.id) }),
  };
  const onDragOver = ({ active, over }: DragOverEvent) => {
    const from = parseRowId(active.id);
    const to = over ? parseRowId(over.id) : undefined;
    setOverGroup(from?.kind === "leaf" && to?.kind === "group" ? to.id : undefined);
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setOverGroup(undefined);
    change(dropResult(menu, active.id, over?.id));
  };

  const moveMenu = (leaf: string): MenuProps => {
    const here = placeOf(menu, leaf)?.group ?? null;
    const targets = [
      { key: "top", label: t("menu.topLevel"), group: null as string | null },
      ...groups.map((group) => ({ key: `group:${group.id}`, label: group.name, group: group.id })),
    ].filter((target) => target.group !== here);
    return {
      items: [
        {
          key: "move",
          type: "group",
          label: t("menu.moveTo"),
          children: targets.map(({ key, label }) => ({ key, label })),
        },
      ],
      onClick: ({ key }) => {
        const target = targets.find((candidate) => candidate.key === key);
        if (!target) return;
        const group = groups.find((candidate) => candidate.id === target.group);
        change(
          moveLeaf(menu, leaf, { group: target.group, index: group ? group.items.length : menu.length }),
        );
      },
    };
  };
  const groupMenu = (id: string, groupName: string): MenuProps => ({
    items: [
      { key: "rename", icon: <EditOutlined />, label: t("menu.renameGroup") },
      { key: "delete", icon: <DeleteOutlined />, label: t("menu.deleteGroup"), danger: true },
    ],
    onClick: ({ key }) =>
      key === "rename"
        ? setRename({ id, name: groupName })
        : modal.confirm({
            title: t("menu.deleteGroupConfirm", { name: groupName }),
            content: t("menu.deleteGroupText"),
            okText: t("menu.deleteGroup"),
            okButtonProps: { danger: true },
            cancelText: t("common.cancel"),
            onOk: () => change(deleteGroup(menu, id)),
          }),
  });

  const leafRow = (leaf: MenuLeaf, nested: boolean) => {
    const shown = view(leaf);
    if (!shown) return null;
    const key = leafKey(leaf);
    return (
      <Sortable
        key={key}
        rowId={key}
        name={shown.name}
        render={(bits) => (
          <MenuLeafRow
            view={shown}
            nested={nested}
            onPick={onPick}
            {...bits}
            actions={
              <RowActions
                label={t("menu.formActions", { name: shown.name })}
                testId="menu-form-actions"
                menu={moveMenu(key)}
              />
            }
          />
        )}
      />
    );
  };

  return (
    <nav aria-label={t("workspace.menu")}>
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        accessibility={{ announcements, screenReaderInstructions: { draggable: t("menu.dnd.instructions") } }}
        onDragOver={onDragOver}
        onDragEnd={onDragEnd}
        onDragCancel={() => setOverGroup(undefined)}
      >
        <SortableContext
          items={menu.map((item) => (item.type === "group" ? groupRowId(item.id) : leafKey(item)))}
          strategy={verticalListSortingStrategy}
        >
          <ul className={styles.menu} data-testid="form-menu">
            {menu.map((item) =>
              item.type !== "group" ? (
                leafRow(item, false)
              ) : (
                <Sortable
                  key={item.id}
                  rowId={groupRowId(item.id)}
                  name={item.name}
                  render={(bits) => (
                    <MenuGroup
                      id={item.id}
                      name={item.name}
                      count={item.items.length}
                      collapsed={collapsed.has(item.id)}
                      onToggle={() => toggle(item.id)}
                      showEmpty
                      highlighted={overGroup === item.id}
                      {...bits}
                      actions={
                        <RowActions
                          label={t("menu.groupActions", { name: item.name })}
                          testId="menu-group-actions"
                          menu={groupMenu(item.id, item.name)}
                        />
                      }
                      wrapList={(list) => (
                        <SortableContext
                          items={item.items.map(leafKey)}
                          strategy={verticalListSortingStrategy}
                        >
                          {list}
                        </SortableContext>
                      )}
                    >
                      {item.items.map((leaf) => leafRow(leaf, true))}
                    </MenuGroup>
                  )}
                />
              ),
            )}
          </ul>
        </SortableContext>
      </DndContext>
      {rename ? (
        <GroupNameModal
          initial={rename.name}
          onClose={() => setRename(undefined)}
          onSubmit={(groupName) => {
            setRename(undefined);
            change(renameGroup(menu, rename.id, groupName));
          }}
        />
      ) : null}
      {creatingGroup ? (
        <GroupNameModal
          onClose={() => onGroupCreated?.()}
          onSubmit={(groupName) => {
            onGroupCreated?.();
            change(addGroup(menu, newGroupId(menu), groupName));
          }}
        />
      ) : null}
    </nav>
  );
}
