import type { PermissionSet } from "@formwork/client";
import { fieldTypes } from "@formwork/fields";
import {
  type FieldDefinition,
  type FieldLevel,
  type FormDefinition,
  type JsonLogic,
  PERMISSION_SET_KINDS,
  RECORD_ACTIONS,
  type RecordAction,
} from "@formwork/schema";
import {
  App as AntdApp,
  Button,
  Checkbox,
  Drawer,
  Form,
  Grid,
  Input,
  Radio,
  Select,
  Space,
  Switch,
  Table,
} from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { DepartmentsPicker, MembersPicker } from "../admin/Pickers";
import { useRoleGroups } from "../admin/use-org";
import { errorMessage } from "../common/error-message";
import { localize } from "../common/localized-text";
import { RuleBuilder } from "../designer/rules/RuleBuilder";
import styles from "./permissions.module.css";
import { actionsOf, draftOf, emptyDraft, inputOf, levelOf, levelsFor, type SetDraft } from "./set-model";
import { useSaveSet } from "./use-permissions";

interface Props {
  formId: string;
  definition: FormDefinition;
  /** null: a new set. */
  set: PermissionSet | null;
  onClose: () => void;
}

/** One permission set in a drawer: name, type (preset or custom), actions, fields, records, members. */
export function SetEditor({ formId, definition, set, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = AntdApp.useApp();
  const screens = Grid.useBreakpoint();
  const [draft, setDraft] = useState<SetDraft>(() => (set ? draftOf(set) : emptyDraft()));
  const [nameError, setNameError] = useState(false);
  const save = useSaveSet(formId);
  const roles = useRoleGroups();
  const patch = (part: Partial<SetDraft>) => setDraft((current) => ({ ...current, ...part }));
  const fields = definition.fields.filter((f) => fieldTypes[f.type].stored);
  // Row conditions may also test who submitted the record and their department.
  const conditionFields = useMemo<FieldDefinition[]>(
    () => [
      { id: "$ownerId", type: "member", label: t("permissions.system.owner") } as FieldDefinition,
      { id: "$deptId", type: "department", label: t("permissions.system.ownerDept") } as FieldDefinition,
      { id: "$createdAt", type: "datetime", label: t("permissions.system.createdAt") } as FieldDefinition,
      ...fields,
    ],
    [fields, t],
  );
  const actions = actionsOf(draft);
  const levels = levelsFor(draft);

  const submit = () => {
    if (draft.name.trim() === "") {
      setNameError(true);
      return;
    }
    save.mutate(
      { ...(set ? { id: set.id, version: set.version } : {}), set: inputOf(draft) },
      {
        onSuccess: () => {
          void message.success(t("permissions.saved"));
          onClose();
        },
        onError: (error) => void message.error(errorMessage(error, t)),
      },
    );
  };

  return (
    <Drawer
      open
      onClose={onClose}
      title={set ? t("permissions.editor.editTitle") : t("permissions.editor.createTitle")}
      size={screens.md ? 760 : "100%"}
      destroyOnHidden
      data-testid="permission-set-editor"
      extra={
        <Space>
          <Button onClick={onClose}>{t("permissions.editor.cancel")}</Button>
          <Button type="primary" loading={save.isPending} onClick={submit} data-testid="save-permission-set">
            {t("permissions.editor.save")}
          </Button>
        </Space>
      }
    >
      <Form layout="vertical">
        <Form.Item
          label={t("permissions.editor.name")}
          required
          validateStatus={nameError ? "error" : undefined}
          help={nameError ? t("permissions.editor.nameRequired") : undefined}
        >
          <Input
            value={draft.name}
            maxLength={200}
            placeholder={t("permissions.editor.namePlaceholder")}
            onChange={(event) => {
              setNameError(false);
              patch({ name: event.target.value });
            }}
            data-testid="permission-set-name"
          />
        </Form.Item>
        <Form.Item label={t("permissions.editor.kind")}>
          <div className={styles.kinds}>
            {PERMISSION_SET_KINDS.map((kind) => (
              <button
                key={kind}
                type="button"
                aria-pressed={draft.kind === kind}
                className={draft.kind === kind ? `${styles.kind} ${styles.kindActive}` : styles.kind}
                onClick={() =>
                  patch(
                    kind === "custom" ? { kind, actions: actionsOf(draft) } : { kind, rowCondition: null },
                  )
                }
                data-testid={`permission-kind-${kind}`}
              >
                {t(`permissions.kinds.${kind}`)}
                <span className={styles.kindHint}>{t(`permissions.kindHints.${kind}`)}</span>
              </button>
            ))}
          </div>
        </Form.Item>
        <Form.Item label={t("permissions.editor.actions")}>
          <Checkbox.Group
            value={actions}
            disabled={draft.kind !== "custom"}
            options={RECORD_ACTIONS.map((action) => ({
              value: action,
              label: t(`permissions.actions.${action}`),
            }))}
            onChange={(next) =>
              patch({ actions: RECORD_ACTIONS.filter((a) => next.includes(a as RecordAction)) })
            }
          />
        </Form.Item>
        <Form.Item label={t("permissions.editor.rowCondition")}>
          {draft.kind === "custom" ? (
            <>
              <p className={styles.muted}>{t("permissions.editor.rowCustom")}</p>
              <RuleBuilder
                fields={conditionFields}
                value={(draft.rowCondition ?? undefined) as JsonLogic | undefined}
                onChange={(logic) => patch({ rowCondition: logic ?? null })}
                dynamic={{
                  fixedLabel: t("permissions.dynamic.fixed"),
                  inLabel: t("permissions.dynamic.in"),
                  values: [
                    { value: "$user", label: t("permissions.dynamic.user") },
                    { value: "$user.departments", label: t("permissions.dynamic.departments") },
                    { value: "$user.departmentsWithSub", label: t("permissions.dynamic.departmentsWithSub") },
                  ],
                }}
              />
            </>
          ) : (
            <span>
              {draft.kind === "submit"
                ? t("permissions.editor.rowNone")
                : draft.kind === "submit_own"
                  ? t("permissions.editor.rowOwn")
                  : t("permissions.editor.rowAll")}
            </span>
          )}
        </Form.Item>
        <Form.Item label={t("permissions.editor.fields")}>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={fields}
            scroll={{ x: true }}
            columns={[
              {
                title: t("permissions.editor.field"),
                key: "label",
                render: (_, field) => localize(field.label, i18n.language) || field.id,
              },
              {
                title: t("permissions.editor.fields"),
                key: "level",
                render: (_, field) => (
                  <Radio.Group
                    size="small"
                    optionType="button"
                    value={levelOf(draft, field.id)}
                    options={levels.map((level) => ({
                      value: level,
                      label: t(`permissions.levels.${level}`),
                    }))}
                    onChange={(event) =>
                      patch({ fields: { ...draft.fields, [field.id]: event.target.value as FieldLevel } })
                    }
                    data-testid={`field-level-${field.id}`}
                  />
                ),
              },
            ]}
          />
        </Form.Item>
        <Form.Item label={t("permissions.editor.members")}>
          <div className={styles.memberRow}>
            <span>{t("permissions.editor.everyone")}</span>
            <Space>
              <Switch
                size="small"
                checked={draft.everyone}
                onChange={(everyone) => patch({ everyone })}
                data-testid="permission-everyone"
              />
              {t("permissions.editor.everyoneHint")}
            </Space>
          </div>
          <div className={styles.memberRow}>
            <span>{t("permissions.editor.users")}</span>
            <div data-testid="permission-members">
              <MembersPicker value={draft.users} onChange={(users) => patch({ users })} />
            </div>
          </div>
          <div className={styles.memberRow}>
            <span>{t("permissions.editor.departments")}</span>
            <Space direction="vertical" style={{ width: "100%" }}>
              <DepartmentsPicker
                value={draft.departments}
                onChange={(departments) => patch({ departments })}
              />
              <Space>
                <Switch
                  size="small"
                  checked={draft.includeSub}
                  onChange={(includeSub) => patch({ includeSub })}
                />
                {t("permissions.editor.includeSub")}
              </Space>
            </Space>
          </div>
          <div className={styles.memberRow}>
            <span>{t("permissions.editor.roles")}</span>
            <Select
              mode="multiple"
              value={draft.roles}
              onChange={(next: string[]) => patch({ roles: next })}
              optionFilterProp="label"
              aria-label={t("permissions.editor.roles")}
              options={(roles.data ?? []).map((group) => ({
                label: group.name,
                options: group.roles.map((role) => ({ value: role.id, label: role.name })),
              }))}
            />
          </div>
        </Form.Item>
      </Form>
    </Drawer>
  );
}
