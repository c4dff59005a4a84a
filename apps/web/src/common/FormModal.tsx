import { Form, type FormInstance, Modal } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/**
 * A modal around one antd form: OK submits it (validation first), Cancel closes. Creating an app, a
 * form or a menu group and editing an app's settings all take this shape.
 */
export function FormModal<Values extends object>({
  title,
  okText,
  name,
  form,
  pending,
  initialValues,
  onFinish,
  onValuesChange,
  onClose,
  children,
  footerExtra,
}: {
  title: ReactNode;
  /** Defaults to "Create". */
  okText?: string;
  /** The antd form's name, which prefixes its inputs' ids. */
  name: string;
  form: FormInstance<Values>;
  pending: boolean;
  initialValues?: Partial<Values>;
  onFinish: (values: Values) => void;
  onValuesChange?: (changed: Partial<Values>) => void;
  onClose: () => void;
  children: ReactNode;
  /** Shown under the form (e.g. a danger zone). */
  footerExtra?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      title={title}
      okText={okText ?? t("common.create")}
      cancelText={t("common.cancel")}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={pending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name={name}
        requiredMark={false}
        initialValues={initialValues}
        onFinish={onFinish}
        onValuesChange={onValuesChange}
      >
        {children}
      </Form>
      {footerExtra}
    </Modal>
  );
}
