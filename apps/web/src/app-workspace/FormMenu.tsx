import type { AppWithForms } from "@formwork/client";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { useCurrentUser } from "../api/use-session";
import { MenuFormRow } from "./menu/MenuFormRow";
import { MenuGroup } from "./menu/MenuGroup";
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

/** The app's forms, at the top level and in groups, in the order administrators arranged them. */
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
  const { forms, name, link } = useMenuLinks(app);
  const [collapsed, toggle] = useCollapsedGroups(app.id);
  const row = (formId: string, nested: boolean) => {
    const form = forms.get(formId);
    return form ? (
      <MenuFormRow
        key={formId}
        form={form}
        name={name(form)}
        to={link(form)}
        nested={nested}
        onPick={onPick}
      />
    ) : null;
  };
  return (
    <nav aria-label={t("workspace.menu")}>
      <ul className={styles.menu} data-testid="form-menu">
        {app.menu.map((item) =>
          item.type === "form" ? (
            row(item.form, false)
          ) : item.forms.length === 0 ? null : (
            <MenuGroup
              key={item.id}
              id={item.id}
              name={item.name}
              count={item.forms.length}
              collapsed={collapsed.has(item.id)}
              onToggle={() => toggle(item.id)}
              showEmpty={false}
            >
              {item.forms.map((formId) => row(formId, true))}
            </MenuGroup>
          ),
        )}
      </ul>
    </nav>
  );
}
