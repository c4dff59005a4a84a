import { Checkbox, Form, Input, Modal } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";

interface Props {
  title: string;
  initialName: string;
  /** Offer the "shared" choice (form designers only). */
  canShare: boolean;
  initialShared: boolean;
  onSubmit(name: string, shared: boolean): Promise<void>;
  onClose(): void;
}

/** Name (and sharing) of a view being saved as new or renamed. */
export function ViewNameModal({ title, initialName, canShare, initialShared, onSubmit, onClose }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState(initialName);
  const [shared, setShared] = useState(initialShared);
  const [busy, setBusy] = useState(false);
  const [touched, setTouched] = useState(false);
  const blank = name.trim() === "";

  const submit = async () => {
    setTouched(true);
    if (blank) return;
    setBusy(true);
    try {
      await onSubmit(name.trim(), shared);
      onClose();
    } catch {
      // The caller reported the failure; the dialog stays open for another try.
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form layout="vertical" onFinish={() => void submit()}>
        <Form.Item
          label={t("views.name")}
          htmlFor="view-name"
          validateStatus={touched && blank ? "error" : undefined}
          help={touched && blank ? t("views.nameRequired") : undefined}
        >
          <Input
            id="view-name"
            autoFocus
            maxLength={100}
            placeholder={t("views.namePlaceholder")}
            value={name}
            onChange={(e) => setName(e.target.value)}
            onPressEnter={() => void submit()}
          />
        </Form.Item>
        {canShare ? (
          <Checkbox checked={shared} onChange={(e) => setShared(e.target.checked)} data-testid="view-shared">
            {t("views.sharedOption")}
          </Checkbox>
        ) : null}
      </Form>
    </Modal>
  );
}
