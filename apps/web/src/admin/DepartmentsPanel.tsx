import { ApartmentOutlined, PlusOutlined } from "@ant-design/icons";
import type { Department } from "@formwork/client";
import type { TreeProps } from "antd";
import { App, Button, Card, Empty, Flex, Form, Popconfirm, Tag, Tree, TreeSelect, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api/client";
import { CreateModal } from "./CreateModal";
import { DetailsHeading } from "./DetailsHeading";
import { treeNodes } from "./department-nodes";
import { MemberSection } from "./MemberSection";
import styles from "./org.module.css";
import { orgErrorMessage } from "./org-errors";
import { MembersPicker } from "./Pickers";
import { useDepartments, useOrgMutation } from "./use-org";

/** The department tree (drag to move), and the chosen department: name, parent, heads, members. */
export function DepartmentsPanel() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const departments = useDepartments();
  const [selected, setSelected] = useState<string | null>(null);
  const [creating, setCreating] = useState<{ parentId: string | null } | null>(null);
  const list = departments.data ?? [];
  const current = list.find((d) => d.id === selected) ?? null;
  const move = useOrgMutation(
    ({ id, parentId, sortOrder }: { id: string; parentId: string | null; sortOrder?: number }) =>
      api.org.departments.update(id, { parentId, ...(sortOrder !== undefined ? { sortOrder } : {}) }),
  );
  const fail = (error: unknown) => void message.error(orgErrorMessage(error, t));

  const onDrop: TreeProps["onDrop"] = (info) => {
    const id = String(info.dragNode.key);
    const target = list.find((d) => d.id === String(info.node.key));
    if (!target) return;
    // Dropped onto a node: it becomes the parent (appended). Dropped between nodes: a sibling there.
    const into = !info.dropToGap;
    const after = info.dropPosition > Number(info.node.pos.split("-").pop());
    move.mutate(
      into
        ? { id, parentId: target.id }
        : { id, parentId: target.parentId, sortOrder: target.sortOrder + (after ? 1 : -1) },
      { onSuccess: () => void message.success(t("admin.departments.moved")), onError: fail },
    );
  };

  const tree = treeNodes(list, (d) => (
    <span className={styles.treeTitle}>
      <span>{d.name}</span>
      <Typography.Text type="secondary" className={styles.count}>
        {t("admin.departments.memberCount", { count: d.memberCount })}
      </Typography.Text>
    </span>
  ));

  return (
    <div className={styles.split}>
      <Card
        size="small"
        className={styles.side}
        title={t("admin.tabs.departments")}
        extra={
          <Button
            type="link"
            size="small"
            icon={<PlusOutlined />}
            onClick={() => setCreating({ parentId: null })}
          >
            {t("admin.departments.create")}
          </Button>
        }
      >
        {list.length === 0 && !departments.isPending ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("admin.departments.empty")}>
            <Typography.Text type="secondary">{t("admin.departments.emptyHint")}</Typography.Text>
          </Empty>
        ) : (
          <>
            <Tree
              blockNode
              draggable={{ icon: false }}
              defaultExpandAll
              treeData={tree}
              selectedKeys={selected ? [selected] : []}
              onSelect={(keys) => keys[0] !== undefined && setSelected(String(keys[0]))}
              onDrop={onDrop}
            />
            <Typography.Text type="secondary" className={styles.hint}>
              {t("admin.departments.dragHint")}
            </Typography.Text>
          </>
        )}
      </Card>
      <Card className={`${styles.main} ${current ? "" : styles.phoneHidden}`}>
        {current ? (
          <DepartmentDetails
            key={current.id}
            department={current}
            all={list}
            onAddSub={() => setCreating({ parentId: current.id })}
            onDeleted={() => setSelected(null)}
          />
        ) : (
          <Empty
            image={<ApartmentOutlined className={styles.emptyIcon} />}
            description={t("admin.departments.pick")}
          />
        )}
      </Card>
      {creating && (
        <CreateDepartmentModal
          parentId={creating.parentId}
          all={list}
          onClose={() => setCreating(null)}
          onCreated={(d) => {
            setCreating(null);
            setSelected(d.id);
          }}
        />
      )}
    </div>
  );
}

function CreateDepartmentModal({
  parentId,
  all,
  onClose,
  onCreated,
}: {
  parentId: string | null;
  all: Department[];
  onClose: () => void;
  onCreated: (department: Department) => void;
}) {
  const { t } = useTranslation();
  return (
    <CreateModal<{ name: string; parentId?: string }, Department>
      title={t(parentId ? "admin.departments.createSub" : "admin.departments.create")}
      formName="department-form"
      nameLabel={t("admin.departments.name")}
      nameRequired={t("admin.departments.nameRequired")}
      namePlaceholder={t("admin.departments.namePlaceholder")}
      initialValues={{ parentId: parentId ?? undefined }}
      create={(values) =>
        api.org.departments.create({ name: values.name, parentId: values.parentId ?? null })
      }
      onCreated={onCreated}
      onClose={onClose}
    >
      <Form.Item name="parentId" label={t("admin.departments.parent")}>
        <TreeSelect
          allowClear
          treeDefaultExpandAll
          placeholder={t("admin.departments.noParent")}
          treeData={treeNodes(all, (d) => d.name)}
        />
      </Form.Item>
    </CreateModal>
  );
}

function DepartmentDetails({
  department,
  all,
  onAddSub,
  onDeleted,
}: {
  department: Department;
  all: Department[];
  onAddSub: () => void;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const fail = (error: unknown) => void message.error(orgErrorMessage(error, t));
  const saved = () => void message.success(t("admin.departments.saved"));
  const update = useOrgMutation((patch: { name?: string; parentId?: string | null }) =>
    api.org.departments.update(department.id, patch),
  );
  const heads = useOrgMutation((userIds: string[]) => api.org.departments.setHeads(department.id, userIds));
  const add = useOrgMutation((userIds: string[]) => api.org.departments.addMembers(department.id, userIds));
  const remove = useOrgMutation((userId: string) => api.org.departments.removeMember(department.id, userId));
  const destroy = useOrgMutation(() => api.org.departments.remove(department.id));

  return (
    <Flex vertical gap={20}>
      <DetailsHeading
        name={department.name}
        renameLabel={t("admin.departments.rename")}
        onRename={(name) => update.mutate({ name }, { onSuccess: saved, onError: fail })}
        deleteLabel={t("admin.departments.delete")}
        deleteConfirm={t("admin.departments.deleteConfirm", { name: department.name })}
        onDelete={() =>
          destroy.mutate(undefined, {
            onSuccess: () => {
              void message.success(t("admin.departments.deleted"));
              onDeleted();
            },
            onError: fail,
          })
        }
      >
        <Button icon={<PlusOutlined />} onClick={onAddSub}>
          {t("admin.departments.createSub")}
        </Button>
      </DetailsHeading>

      <Form layout="vertical" requiredMark={false} className={styles.details}>
        <Form.Item label={t("admin.departments.parent")}>
          <TreeSelect
            allowClear
            treeDefaultExpandAll
            value={department.parentId ?? undefined}
            placeholder={t("admin.departments.noParent")}
            treeData={treeNodes(all, (d) => d.name, department.id)}
            onChange={(parentId?: string) =>
              update.mutate(
                { parentId: parentId ?? null },
                { onSuccess: () => void message.success(t("admin.departments.moved")), onError: fail },
              )
            }
          />
        </Form.Item>
        <Form.Item label={t("admin.departments.heads")} extra={t("admin.departments.headsHint")}>
          <div data-testid="department-heads">
            <MembersPicker
              value={department.headIds}
              onChange={(ids) => heads.mutate(ids, { onSuccess: saved, onError: fail })}
            />
          </div>
        </Form.Item>
      </Form>

      <MemberSection
        title={t("admin.departments.members")}
        query={{ departmentId: department.id }}
        addLabel={t("admin.departments.addMembers")}
        emptyText={t("admin.departments.noMembers")}
        adding={add.isPending}
        onAdd={(ids, done) => add.mutate(ids, { onSuccess: done, onError: fail })}
        testId="department-add-members"
        columns={[
          {
            key: "name",
            title: t("admin.members.name"),
            render: (_, m) => (
              <Flex gap={6} align="center" wrap>
                <span>{m.name}</span>
                {department.headIds.includes(m.id) && <Tag color="blue">{t("admin.members.head")}</Tag>}
                {m.departments.find((d) => d.id === department.id)?.primary && (
                  <Tag bordered={false}>{t("admin.members.primary")}</Tag>
                )}
              </Flex>
            ),
          },
          { key: "email", title: t("admin.members.email"), dataIndex: "email", responsive: ["sm"] },
          {
            key: "actions",
            align: "right",
            render: (_, m) => (
              <Popconfirm
                title={t("admin.departments.removeConfirm", { name: m.name })}
                okText={t("admin.departments.remove")}
                cancelText={t("common.cancel")}
                onConfirm={() => remove.mutate(m.id, { onError: fail })}
              >
                <Button type="link" size="small" danger>
                  {t("admin.departments.remove")}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Flex>
  );
}
