import type { AppWithForms, MenuLeaf } from "@formwork/client";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { useCurrentUser } from "../api/use-session";
import { MenuGroup } from "./menu/MenuGroup";
import { MenuLeafRow } from "./menu/MenuLeafRow";
import { leafKey } from "./menu/menu-model";
import { useCollapsedGroups } from "./menu/use-collapsed-groups";
import { useMenuLinks } from "./menu/use-menu-links";
import styles from "./workspace.module.css";

// Dragging, group actions and their dialogs load only for administrators, after the page: the fill
// page's first download stays within its budget and members never fetch them.
const EditableFormMenu = lazy(async () => ({
  default: (await import("./menu/EditableFormMenu")).EditableFormMenu,
}));

export interface FormMenuProps {
  app: AppWithForms;
  /** The "new group" dialog is open (its button sits in the sidebar's header). */
  creatingGroup?: boolean;
  onGroupCreated?: () => void;
  onPick?: () => void;
}

/**
 * The app's forms and dashboards, at the top level and in groups, in the order administrators
 * arranged them.
 */
export function FormMenu(props: FormMenuProps) {
  const user = useCurrentUser();
  if (!user.isAdmin) return <ReadOnlyFormMenu {...props} />;
  return (
    <Suspense fallback={<ReadOnlyFormMenu {...props} />}>
      <EditableFormMenu {...props} />
    </Suspense>
  );
}

function ReadOnlyFormMenu({ app, onPick }: FormMenuProps) {
  const { t } = useTranslation();
  const view = useMenuLinks(app);
  const [collapsed, toggle] = useCollapsedGroups(app.id);
  const row = (leaf: MenuLeaf, nested: boolean) => {
    const shown = view(leaf);
    return shown ? <MenuLeafRow key={leafKey(leaf)} view={shown} nested={nested} onPick={onPick} /> : null;
  };
  return (
    <nav aria-label={t("workspace.menu")}>
      <ul className={styles.menu} data-testid="form-menu">
        {app.menu.map((item) =>
          item.type !== "group" ? (
            row(item, false)
          ) : item.items.length === 0 ? null : (
            <MenuGroup
              key={item.id}
              id={item.id}
              name={item.name}
              count={item.items.length}
              collapsed={collapsed.has(item.id)}
              onToggle={() => toggle(item.id)}
              showEmpty={false}
            >
              {item.items.map((leaf) => row(leaf, true))}
            </MenuGroup>
          ),
        )}
      </ul>
    </nav>
  );
}
