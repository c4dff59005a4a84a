import {
  DeleteOutlined,
  FolderAddOutlined,
  PlusOutlined,
  SafetyCertificateOutlined,
} from "@ant-design/icons";
import type { Role, RoleGroup } from "@formwork/client";
import { App, Button, Card, Empty, Flex, Form, Popconfirm, Select, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api/client";
import { useCurrentUser } from "../api/use-session";
import { CreateModal } from "./CreateModal";
import { DetailsHeading } from "./DetailsHeading";
import { MemberSection } from "./MemberSection";
import styles from "./org.module.css";
import { orgErrorMessage } from "./org-errors";
import { useOrgMutation, useRoleGroups } from "./use-org";

type Creating = { kind: "group" } | { kind: "role"; groupId?: string };

/** Role groups with their roles on the left; the chosen role's members on the right. */
export function RolesPanel() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const groups = useRoleGroups();
  const [selected, setSelected] = useState<string | null>(null);
  const [creating, setCreating] = useState<Creating | null>(null);
  const list = groups.data ?? [];
  const role = list.flatMap((g) => g.roles).find((r) => r.id === selected) ?? null;
  const removeGroup = useOrgMutation((id: string) => api.org.roles.removeGroup(id));

  return (
    <div className={styles.split}>
      <Card
        size="small"
        className={styles.side}
        title={t("admin.tabs.roles")}
        extra={
          <Flex gap={0}>
            <Button
              type="link"
              size="small"
              icon={<FolderAddOutlined />}
              onClick={() => setCreating({ kind: "group" })}
            >
              {t("admin.roles.createGroup")}
            </Button>
          </Flex>
        }
      >
        {list.length === 0 && !groups.isPending ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("admin.roles.empty")}>
            <Typography.Text type="secondary">{t("admin.roles.emptyHint")}</Typography.Text>
          </Empty>
        ) : (
          <Flex vertical gap={12}>
            {list.map((group) => (
              <div key={group.id}>
                <Flex justify="space-between" align="center" className={styles.groupHead}>
                  <Typography.Text type="secondary" strong>
                    {group.name}
                  </Typography.Text>
                  <Flex>
                    <Button
                      type="text"
                      size="small"
                      icon={<PlusOutlined />}
                      aria-label={t("admin.roles.createRole")}
                      onClick={() => setCreating({ kind: "role", groupId: group.id })}
                    />
                    {group.roles.length === 0 && (
                      <Popconfirm
                        title={t("admin.roles.deleteConfirm", { name: group.name })}
                        okButtonProps={{ danger: true }}
                        okText={t("admin.roles.deleteGroup")}
                        cancelText={t("common.cancel")}
                        onConfirm={() =>
                          removeGroup.mutate(group.id, {
                            onError: (e) => void message.error(orgErrorMessage(e, t)),
                          })
                        }
                      >
                        <Button
                          type="text"
                          size="small"
                          icon={<DeleteOutlined />}
                          aria-label={t("admin.roles.deleteGroup")}
                        />
                      </Popconfirm>
                    )}
                  </Flex>
                </Flex>
                {group.roles.map((r) => (
                  <button
                    type="button"
                    key={r.id}
                    className={`${styles.roleItem} ${r.id === selected ? styles.roleItemActive : ""}`}
                    onClick={() => setSelected(r.id)}
                  >
                    <span>{r.name}</span>
                    <Typography.Text type="secondary" className={styles.count}>
                      {t("admin.roles.memberCount", { count: r.memberCount })}
                    </Typography.Text>
                  </button>
                ))}
              </div>
            ))}
          </Flex>
        )}
      </Card>
      <Card className={`${styles.main} ${role ? "" : styles.phoneHidden}`}>
        {role ? (
          <RoleDetails key={role.id} role={role} groups={list} onDeleted={() => setSelected(null)} />
        ) : (
          <Empty
            image={<SafetyCertificateOutlined className={styles.emptyIcon} />}
            description={t("admin.roles.pick")}
          >
            {list.length > 0 && (
              <Button icon={<PlusOutlined />} onClick={() => setCreating({ kind: "role" })}>
                {t("admin.roles.createRole")}
              </Button>
            )}
          </Empty>
        )}
      </Card>
      {creating && (
        <CreateRoleModal
          creating={creating}
          groups={list}
          onClose={() => setCreating(null)}
          onCreated={(id) => {
            if (creating.kind === "role") setSelected(id);
            setCreating(null);
          }}
        />
      )}
    </div>
  );
}

function CreateRoleModal({
  creating,
  groups,
  onClose,
  onCreated,
}: {
  creating: Creating;
  groups: RoleGroup[];
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { t } = useTranslation();
  const isGroup = creating.kind === "group";
  return (
    <CreateModal<{ name: string; groupId?: string }, { id: string }>
      title={t(isGroup ? "admin.roles.createGroup" : "admin.roles.createRole")}
      formName="role-form"
      nameLabel={t(isGroup ? "admin.roles.groupName" : "admin.roles.roleName")}
      nameRequired={t("admin.roles.nameRequired")}
      initialValues={{ groupId: creating.kind === "role" ? (creating.groupId ?? groups[0]?.id) : undefined }}
      create={(values) =>
        isGroup
          ? api.org.roles.createGroup({ name: values.name })
          : api.org.roles.create({ name: values.name, groupId: values.groupId ?? "" })
      }
      onCreated={(created) => onCreated(created.id)}
      onClose={onClose}
    >
      {!isGroup && (
        <Form.Item name="groupId" label={t("admin.roles.group")} rules={[{ required: true }]}>
          <Select options={groups.map((g) => ({ value: g.id, label: g.name }))} />
        </Form.Item>
      )}
    </CreateModal>
  );
}

function RoleDetails({
  role,
  groups,
  onDeleted,
}: {
  role: Role;
  groups: RoleGroup[];
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const fail = (error: unknown) => void message.error(orgErrorMessage(error, t));
  const update = useOrgMutation((patch: { name?: string; groupId?: string }) =>
    api.org.roles.update(role.id, patch),
  );
  const add = useOrgMutation((userIds: string[]) => api.org.roles.addMembers(role.id, userIds));
  const remove = useOrgMutation((userId: string) => api.org.roles.removeMember(role.id, userId));
  const destroy = useOrgMutation(() => api.org.roles.remove(role.id));

  return (
    <Flex vertical gap={20}>
      <DetailsHeading
        name={role.name}
        renameLabel={t("admin.roles.rename")}
        onRename={(name) => update.mutate({ name }, { onError: fail })}
        deleteLabel={t("admin.roles.deleteRole")}
        deleteConfirm={t("admin.roles.deleteConfirm", { name: role.name })}
        onDelete={() => destroy.mutate(undefined, { onSuccess: onDeleted, onError: fail })}
      >
        <Select
          value={role.groupId}
          className={styles.groupSelect}
          options={groups.map((g) => ({ value: g.id, label: g.name }))}
          onChange={(groupId) => update.mutate({ groupId }, { onError: fail })}
          aria-label={t("admin.roles.group")}
        />
      </DetailsHeading>
      <MemberSection
        title={t("admin.roles.members")}
        query={{ roleId: role.id }}
        testId="role-add-members"
        addLabel={t("admin.roles.addMembers")}
        emptyText={t("admin.roles.noMembers")}
        adding={add.isPending}
        onAdd={(ids, done) => add.mutate(ids, { onSuccess: done, onError: fail })}
        columns={[
          { key: "name", title: t("admin.members.name"), dataIndex: "name" },
          {
            key: "departments",
            title: t("admin.members.departments"),
            responsive: ["sm"],
            render: (_, m) => (
              <Flex wrap gap={4}>
                {m.departments.map((d) => (
                  <Tag key={d.id} bordered={false} color={d.primary ? "blue" : undefined}>
                    {d.name}
                  </Tag>
                ))}
              </Flex>
            ),
          },
          {
            key: "actions",
            align: "right",
            render: (_, m) =>
              m.id !== me.id && (
                <Button
                  type="link"
                  size="small"
                  danger
                  onClick={() => remove.mutate(m.id, { onError: fail })}
                >
                  {t("admin.roles.remove")}
                </Button>
              ),
          },
        ]}
      />
    </Flex>
  );
}
