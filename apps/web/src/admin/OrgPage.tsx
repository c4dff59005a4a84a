import { ApartmentOutlined, SafetyCertificateOutlined, TeamOutlined } from "@ant-design/icons";
import { Tabs, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Navigate, useNavigate, useParams } from "react-router";
import { useCurrentUser } from "../api/use-session";
import { StatusMessage } from "../common/StatusMessage";
import { useDocumentTitle } from "../common/use-document-title";
import { DepartmentsPanel } from "./DepartmentsPanel";
import { MembersPanel } from "./MembersPanel";
import styles from "./org.module.css";
import { RolesPanel } from "./RolesPanel";

const TABS = ["members", "departments", "roles"] as const;
type Tab = (typeof TABS)[number];
const isTab = (value: unknown): value is Tab => TABS.includes(value as Tab);

/** 组织架构: members, the department tree and roles, one tab each (the tab is in the URL). */
export function OrgPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { tab } = useParams();
  const navigate = useNavigate();
  useDocumentTitle(t("admin.title"));
  if (!user.isAdmin)
    return (
      <StatusMessage
        icon={<SafetyCertificateOutlined />}
        title={t("admin.forbidden")}
        text={t("admin.subtitle")}
      />
    );
  if (!isTab(tab)) return <Navigate to="/admin/org/members" replace />;

  const icons = {
    members: <TeamOutlined />,
    departments: <ApartmentOutlined />,
    roles: <SafetyCertificateOutlined />,
  };
  return (
    <div className={`fw-page ${styles.page}`}>
      <div className={styles.heading}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("admin.title")}
        </Typography.Title>
        <Typography.Text type="secondary">{t("admin.subtitle")}</Typography.Text>
      </div>
      <Tabs
        activeKey={tab}
        onChange={(key) => navigate(`/admin/org/${key}`)}
        items={TABS.map((key) => ({ key, label: t(`admin.tabs.${key}`), icon: icons[key] }))}
      />
      {tab === "members" && <MembersPanel />}
      {tab === "departments" && <DepartmentsPanel />}
      {tab === "roles" && <RolesPanel />}
    </div>
  );
}

export const Component = OrgPage;
