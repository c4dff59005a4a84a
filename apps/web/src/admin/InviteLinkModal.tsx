import { CopyOutlined, LinkOutlined } from "@ant-design/icons";
import type { Invite } from "@formwork/client";
import { App, Button, Input, Modal, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";

/** The link of a new invite, to copy and send. The token rides in the fragment: no server log sees it. */
export function inviteUrl(invite: Pick<Invite, "path" | "token">, origin = window.location.origin): string {
  return `${origin}${invite.path}#${invite.token}`;
}

export function InviteLinkModal({
  invite,
  onClose,
}: {
  invite: Invite & { name: string };
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const url = inviteUrl(invite);
  const date = new Date(invite.expiresAt).toLocaleString(i18n.language, {
    dateStyle: "medium",
    timeStyle: "short",
  });
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      void message.success(t("admin.invite.copied"));
    } catch {
      // Clipboard access refused (insecure origin, permissions): the text is selected to copy by hand.
      (document.getElementById("invite-url") as HTMLInputElement | null)?.select();
    }
  };
  return (
    <Modal
      open
      title={
        <Space>
          <LinkOutlined />
          {t("admin.invite.title")}
        </Space>
      }
      onCancel={onClose}
      onOk={onClose}
      okText={t("admin.invite.done")}
      cancelButtonProps={{ style: { display: "none" } }}
    >
      <Typography.Paragraph type="secondary">
        {t("admin.invite.hint", { name: invite.name, date })}
      </Typography.Paragraph>
      <Space.Compact style={{ width: "100%" }}>
        <Input
          id="invite-url"
          readOnly
          value={url}
          onFocus={(e) => e.target.select()}
          data-testid="invite-url"
        />
        <Button type="primary" icon={<CopyOutlined />} onClick={() => void copy()}>
          {t("admin.invite.copy")}
        </Button>
      </Space.Compact>
    </Modal>
  );
}
