import type { PublicLinkKind } from "@formwork/client";
import type { FormDefinition } from "@formwork/schema";
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Select, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../common/error-message";
import { linkFieldOptions } from "./link-fields";
import { linkAddress, useCreateLink } from "./use-public-links";

interface Values {
  name?: string;
  password?: string;
  /** The DatePicker's moment (dayjs, antd's own dependency). */
  expiresAt?: { toISOString(): string };
  maxSubmissions?: number;
  queryFields?: string[];
  displayFields: string[];
}

/** Creates a fill or query link, then shows its address once (the server never shows the token again). */
export function CreateLinkModal(props: {
  formId: string;
  kind: PublicLinkKind;
  definition: FormDefinition;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateLink(props.formId);
  const [address, setAddress] = useState<string>();
  const options = linkFieldOptions(props.definition, i18n.language);
  const fill = props.kind === "fill";

  const submit = async (values: Values) => {
    const made = await create.mutateAsync({
      kind: props.kind,
      ...(values.name ? { name: values.name } : {}),
      ...(values.password ? { password: values.password } : {}),
      ...(values.expiresAt ? { expiresAt: values.expiresAt.toISOString() } : {}),
      ...(fill && values.maxSubmissions ? { maxSubmissions: values.maxSubmissions } : {}),
      ...(fill ? {} : { queryFields: values.queryFields ?? [] }),
      displayFields: values.displayFields,
    });
    setAddress(linkAddress(props.kind, made.token));
  };

  return (
    <Modal
      open
      title={t(fill ? "share.newFill" : "share.newQuery")}
      onCancel={props.onClose}
      onOk={address ? props.onClose : () => form.submit()}
      okText={address ? t("share.done") : t("share.create")}
      cancelButtonProps={address ? { style: { display: "none" } } : {}}
      confirmLoading={create.isPending}
      destroyOnHidden
      data-testid="share-create"
    >
      {address ? (
        <div data-testid="share-created">
          <Alert type="success" showIcon title={t("share.created")} style={{ marginBottom: 12 }} />
          <Typography.Paragraph copyable={{ text: address }} code data-testid="share-address">
            {address}
          </Typography.Paragraph>
          <Typography.Text type="secondary">{t(fill ? "share.onceHint" : "share.queryHint")}</Typography.Text>
        </div>
      ) : (
        <Form
          form={form}
          layout="vertical"
          name="share-link"
          initialValues={{ displayFields: fill ? options.map((o) => o.value) : [] }}
          onFinish={(values) => void submit(values).catch(() => undefined)}
        >
          {create.isError && (
            <Alert type="error" showIcon title={errorMessage(create.error, t)} style={{ marginBottom: 12 }} />
          )}
          <Form.Item name="name" label={t("share.name")}>
            <Input maxLength={200} placeholder={t("share.namePlaceholder")} />
          </Form.Item>
          {!fill && (
            <Form.Item
              name="queryFields"
              label={t("share.queryFields")}
              extra={t("share.queryFieldsHint")}
              rules={[{ required: true, message: t("share.required") }]}
            >
              <Select mode="multiple" options={options} optionFilterProp="label" />
            </Form.Item>
          )}
          <Form.Item
            name="displayFields"
            label={t(fill ? "share.fillFields" : "share.displayFields")}
            rules={[{ required: true, message: t("share.required") }]}
          >
            <Select mode="multiple" options={options} optionFilterProp="label" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t("share.password")}
            extra={t("share.passwordHint")}
            rules={[{ min: 4, message: t("share.passwordShort") }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="expiresAt" label={t("share.expiresAt")}>
            <DatePicker
              showTime
              style={{ width: "100%" }}
              disabledDate={(day) => day.isBefore(new Date(), "day")}
            />
          </Form.Item>
          {fill && (
            <Form.Item name="maxSubmissions" label={t("share.maxSubmissions")} extra={t("share.maxHint")}>
              <InputNumber min={1} precision={0} style={{ width: "100%" }} />
            </Form.Item>
          )}
        </Form>
      )}
    </Modal>
  );
}
