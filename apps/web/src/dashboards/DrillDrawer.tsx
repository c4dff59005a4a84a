// Drill-down: the records behind a widget (its filter, the dashboard's controls and any cross-filter),
// through the records list API, with a link to the data grid.
import type { FormDefinition } from "@formwork/schema";
import { Drawer } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { RecordsTable } from "./widgets/DetailTable";

export function DrillDrawer({
  appId,
  formId,
  form,
  title,
  filter,
  onClose,
}: {
  appId: string;
  formId: string;
  form: FormDefinition;
  title: string;
  filter: unknown;
  onClose(): void;
}) {
  const { t } = useTranslation();
  return (
    <Drawer
      open
      title={title}
      size="large"
      onClose={onClose}
      data-testid="drill-drawer"
      extra={<Link to={`/apps/${appId}/forms/${formId}/data`}>{t("dashboards.openGrid")}</Link>}
    >
      <RecordsTable formId={formId} form={form} filter={filter} pageSize={50} />
    </Drawer>
  );
}
