import { EllipsisOutlined, PlusOutlined, SearchOutlined } from "@ant-design/icons";
import type { Member, MemberStatus } from "@formwork/client";
import {
  App,
  Avatar,
  Badge,
  Button,
  Card,
  Checkbox,
  Dropdown,
  Flex,
  Grid,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Tree,
  TreeSelect,
  Typography,
} from "antd";
import type { ColumnsType } from "antd/es/table";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api/client";
import { useCurrentUser } from "../api/use-session";
import { treeNodes } from "./department-nodes";
import { InviteLinkModal } from "./InviteLinkModal";
import { MemberFormModal } from "./MemberFormModal";
import styles from "./org.module.css";
import { orgErrorMessage } from "./org-errors";
import { PasswordModal } from "./PasswordModal";
import { useDepartments, useMembers, useOrgMutation, useRoleGroups } from "./use-org";

const PAGE_SIZE = 20;
const STATUS_BADGE = { active: "success", invited: "processing", disabled: "default" } as const;
const ALL = "";

/** Members: a department tree to browse by, search, status, paging on the server; add, edit, invite, disable. */
export function MembersPanel() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const me = useCurrentUser();
  const screens = Grid.useBreakpoint();
  const [q, setQ] = useState("");
  const [departmentId, setDepartmentId] = useState(ALL);
  const [includeSub, setIncludeSub] = useState(true);
  const [status, setStatus] = useState<MemberStatus | typeof ALL>(ALL);
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Member | "new" | null>(null);
  const [settingPassword, setSettingPassword] = useState<Member | null>(null);
  const [invite, setInvite] = useState<{
    name: string;
    path: string;
    token: string;
    expiresAt: string;
  } | null>(null);

  const members = useMembers({
    ...(q.trim() ? { q: q.trim() } : {}),
    ...(departmentId ? { departmentId, includeSub } : {}),
    ...(status ? { status } : {}),
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  const departments = useDepartments();
  const roleGroups = useRoleGroups();
  const roleNames = useMemo(
    () => new Map((roleGroups.data ?? []).flatMap((g) => g.roles.map((r) => [r.id, r.name] as const))),
    [roleGroups.data],
  );
  const setDisabled = useOrgMutation(({ id, disabled }: { id: string; disabled: boolean }) =>
    disabled ? api.org.members.disable(id) : api.org.members.enable(id),
  );
  const newInvite = useOrgMutation((id: string) => api.org.members.invite(id));

  const filter = (reset: () => void) => {
    reset();
    setPage(1);
  };
  const tree = treeNodes(departments.data ?? [], (d) => (
    <span className={styles.treeTitle}>
      <span>{d.name}</span>
      <Typography.Text type="secondary" className={styles.count}>
        {d.memberCount}
      </Typography.Text>
    </span>
  ));

  const toggle = (member: Member) => {
    const disabled = member.status !== "disabled";
    const run = () =>
      setDisabled.mutate(
        { id: member.id, disabled },
        {
          onSuccess: () =>
            void message.success(
              t(disabled ? "admin.members.disabledDone" : "admin.members.enabledDone", { name: member.name }),
            ),
          onError: (error) => void message.error(orgErrorMessage(error, t)),
        },
      );
    if (!disabled) return run();
    modal.confirm({
      title: t("admin.members.disable"),
      content: t("admin.members.disableConfirm", { name: member.name }),
      okButtonProps: { danger: true },
      okText: t("admin.members.disable"),
      cancelText: t("common.cancel"),
      onOk: run,
    });
  };

  const memberActions = (m: Member) => [
    { key: "edit", label: t("admin.members.edit"), run: () => setEditing(m) },
    ...(m.status === "invited"
      ? [
          {
            key: "invite",
            label: t("admin.members.inviteLink"),
            run: () =>
              newInvite.mutate(m.id, {
                onSuccess: (link) => setInvite({ name: m.name, ...link }),
                onError: (error) => void message.error(orgErrorMessage(error, t)),
              }),
          },
        ]
      : []),
    ...(m.id !== me.id
      ? [
          { key: "password", label: t("admin.password.setPassword"), run: () => setSettingPassword(m) },
          {
            key: "toggle",
            label: t(m.status === "disabled" ? "admin.members.enable" : "admin.members.disable"),
            danger: m.status !== "disabled",
            run: () => toggle(m),
          },
        ]
      : []),
  ];

  const columns: ColumnsType<Member> = [
    {
      title: t("admin.members.name"),
      key: "name",
      render: (_, m) => (
        <Flex align="center" gap={10} className={styles.person}>
          <Avatar className={styles.avatar}>{Array.from(m.name)[0]}</Avatar>
          <Flex vertical style={{ minWidth: 0 }}>
            <Space size={6}>
              <strong>{m.name}</strong>
              {m.id === me.id && <Tag>{t("admin.members.you")}</Tag>}
              {m.isAdmin && <Tag color="gold">{t("admin.members.admin")}</Tag>}
            </Space>
            <Typography.Text type="secondary" ellipsis className={styles.small}>
              {m.email}
            </Typography.Text>
            {!screens.sm && m.status && (
              <Badge
                status={STATUS_BADGE[m.status]}
                text={t(`admin.members.${m.status}`)}
                className={styles.small}
              />
            )}
          </Flex>
        </Flex>
      ),
    },
    {
      title: t("admin.members.departments"),
      key: "departments",
      responsive: ["md"],
      render: (_, m) =>
        m.departments.length === 0 ? (
          <Typography.Text type="secondary">{t("admin.members.noDepartment")}</Typography.Text>
        ) : (
          <Flex wrap gap={4}>
            {m.departments.map((d) => (
              <Tag key={d.id} color={d.primary ? "blue" : undefined} bordered={false}>
                {d.name}
                {d.head ? ` · ${t("admin.members.head")}` : ""}
              </Tag>
            ))}
          </Flex>
        ),
    },
    {
      title: t("admin.members.roles"),
      key: "roles",
      responsive: ["lg"],
      render: (_, m) => (
        <Flex wrap gap={4}>
          {(m.roleIds ?? []).map((id) => (
            <Tag key={id} bordered={false} color="purple">
              {roleNames.get(id) ?? "…"}
            </Tag>
          ))}
        </Flex>
      ),
    },
    {
      title: t("admin.members.status"),
      key: "status",
      width: 96,
      responsive: ["sm"],
      render: (_, m) =>
        m.status && <Badge status={STATUS_BADGE[m.status]} text={t(`admin.members.${m.status}`)} />,
    },
    {
      title: t("admin.members.actions"),
      key: "actions",
      align: "right",
      width: screens.md ? 300 : 56,
      render: (_, m) => {
        const actions = memberActions(m);
        if (!screens.md) {
          return (
            <Dropdown
              trigger={["click"]}
              menu={{
                items: actions.map((a) => ({ key: a.key, label: a.label, danger: a.danger ?? false })),
                onClick: ({ key }) => actions.find((a) => a.key === key)?.run(),
              }}
            >
              <Button type="text" icon={<EllipsisOutlined />} aria-label={t("admin.members.actions")} />
            </Dropdown>
          );
        }
        return (
          <Space size={0} wrap className={styles.actions}>
            {actions.map((a) => (
              <Button
                key={a.key}
                type="link"
                size="small"
                danger={a.danger ?? false}
                loading={a.key === "invite" && newInvite.isPending && newInvite.variables === m.id}
                onClick={a.run}
              >
                {a.label}
              </Button>
            ))}
          </Space>
        );
      },
    },
  ];

  const departmentFilter = screens.md ? (
    <Card size="small" className={styles.side} title={t("admin.members.departments")}>
      <Button
        type={departmentId === ALL ? "primary" : "text"}
        ghost={departmentId === ALL}
        block
        className={styles.allButton}
        onClick={() => filter(() => setDepartmentId(ALL))}
      >
        {t("admin.members.allDepartments")}
      </Button>
      <Tree
        blockNode
        defaultExpandAll
        treeData={tree}
        selectedKeys={departmentId ? [departmentId] : []}
        onSelect={(keys) => filter(() => setDepartmentId(String(keys[0] ?? ALL)))}
      />
      <Checkbox
        checked={includeSub}
        onChange={(e) => filter(() => setIncludeSub(e.target.checked))}
        className={styles.includeSub}
      >
        {t("admin.members.includeSub")}
      </Checkbox>
    </Card>
  ) : null;

  return (
    <div className={styles.split}>
      {departmentFilter}
      <Card className={styles.main}>
        <Flex gap={8} wrap className={styles.toolbar}>
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t("admin.members.search")}
            className={styles.search}
            onChange={(e) => filter(() => setQ(e.target.value))}
          />
          {!screens.md && (
            <TreeSelect
              allowClear
              treeDefaultExpandAll
              treeData={tree}
              value={departmentId || undefined}
              placeholder={t("admin.members.allDepartments")}
              onChange={(value?: string) => filter(() => setDepartmentId(value ?? ALL))}
              className={styles.grow}
            />
          )}
          <Select
            value={status}
            onChange={(value) => filter(() => setStatus(value))}
            className={styles.statusSelect}
            options={[
              { value: ALL, label: t("admin.members.statusAll") },
              ...(["active", "invited", "disabled"] as const).map((s) => ({
                value: s,
                label: t(`admin.members.${s}`),
              })),
            ]}
          />
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing("new")}
            className={styles.push}
          >
            {t("admin.members.create")}
          </Button>
        </Flex>
        <Table<Member>
          rowKey="id"
          columns={columns}
          dataSource={members.data?.members ?? []}
          loading={members.isFetching}
          size={screens.md ? "middle" : "small"}
          locale={{ emptyText: t("admin.members.empty") }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: members.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
            showTotal: (count) => t("admin.members.total", { count }),
            size: "small",
          }}
        />
      </Card>
      {editing && (
        <MemberFormModal
          member={editing === "new" ? null : editing}
          onClose={() => setEditing(null)}
          onInvite={(name, link) => setInvite({ name, ...link })}
        />
      )}
      {settingPassword && <PasswordModal member={settingPassword} onClose={() => setSettingPassword(null)} />}
      {invite && <InviteLinkModal invite={invite} onClose={() => setInvite(null)} />}
    </div>
  );
}
