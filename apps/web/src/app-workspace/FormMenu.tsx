import { FileTextOutlined } from "@ant-design/icons";
import type { FormSummary } from "@formwork/client";
import { Badge, Menu } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { useCurrentUser } from "../api/use-session";
import { localize } from "../common/localized-text";
import { isFormTab, landingTab } from "../forms/form-tabs";
import styles from "./workspace.module.css";

/** The app's forms; picking one keeps the tab the user is on. */
export function FormMenu({
  appId,
  forms,
  onPick,
}: {
  appId: string;
  forms: FormSummary[];
  onPick?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { formId, "*": rest } = useParams();
  const currentTab = rest?.split("/").pop();

  return (
    <Menu
      mode="inline"
      className={styles.menu}
      aria-label={t("workspace.menu")}
      selectedKeys={formId ? [formId] : []}
      items={forms.map((form) => ({
        key: form.id,
        icon: <FileTextOutlined />,
        label: (
          <span className={styles.menuLabel}>
            <span className={styles.menuName}>{localize(form.name, i18n.language)}</span>
            {form.publishedVersion === 0 && <Badge status="default" title={t("workspace.unpublished")} />}
          </span>
        ),
      }))}
      onClick={({ key }) => {
        const form = forms.find((f) => f.id === key);
        if (!form) return;
        const tab = isFormTab(currentTab) && form.id !== formId ? currentTab : landingTab(user, form);
        navigate(`/apps/${appId}/forms/${form.id}/${tab}`);
        onPick?.();
      }}
    />
  );
}
