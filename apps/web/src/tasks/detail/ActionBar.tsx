import {
  CheckOutlined,
  CloseOutlined,
  RollbackOutlined,
  SwapOutlined,
  UserAddOutlined,
} from "@ant-design/icons";
import { type FieldServices, fieldInputs } from "@formwork/fields/react";
import type { FieldOf, Locale } from "@formwork/schema";
import { Button, Checkbox, Input, Modal, Radio, Select, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ActionInput, TaskAction, TaskDetail } from "../api";
import { idOf } from "../member-id";
import { nodeLabel } from "../node-label";
import styles from "../tasks.module.css";

const SignatureInput = fieldInputs.signature;
const MemberInput = fieldInputs.member;
const MembersInput = fieldInputs.members;
const SIGNATURE_FIELD: FieldOf<"signature"> = { id: "signature", type: "signature", label: "" };
const MEMBER_FIELD: FieldOf<"member"> = { id: "transfer_to", type: "member", label: "" };
const MEMBERS_FIELD: FieldOf<"members"> = { id: "signers", type: "members", label: "" };

type Dialog = "return" | "transfer" | "addSigner" | "reject" | undefined;

/**
 * What the holder of a pending task can do: a comment and an optional handwritten signature, then the
 * node's actions. Return, transfer and add-signer ask for their target first; reject asks to confirm.
 */
export function ActionBar({
  detail,
  services,
  locale,
  busy,
  onAct,
}: {
  detail: TaskDetail;
  services: FieldServices;
  locale: Locale;
  busy: boolean;
  onAct: (input: ActionInput) => void;
}) {
  const { t, i18n } = useTranslation();
  const [comment, setComment] = useState("");
  const [signing, setSigning] = useState(false);
  const [signature, setSignature] = useState<{ fileId: string } | undefined>();
  const [dialog, setDialog] = useState<Dialog>();
  const [target, setTarget] = useState<string | undefined>(detail.node.returnTargets[0]?.id);
  const [transferTo, setTransferTo] = useState<string | undefined>();
  const [signers, setSigners] = useState<string[]>([]);
  const [position, setPosition] = useState<"before" | "after" | "parallel">("after");
  const actions = detail.node.actions;
  const common = {
    ...(comment.trim() ? { comment: comment.trim() } : {}),
    ...(signature ? { signature } : {}),
  };
  const has = (a: TaskAction) => actions.includes(a);
  const primary: TaskAction | undefined = has("approve") ? "approve" : has("submit") ? "submit" : undefined;

  const confirm = () => {
    if (dialog === "reject") onAct({ action: "reject", ...common });
    if (dialog === "return" && target) onAct({ action: "return", target, ...common });
    if (dialog === "transfer" && transferTo) onAct({ action: "transfer", users: [transferTo], ...common });
    if (dialog === "addSigner" && signers.length > 0)
      onAct({ action: "addSigner", users: signers, position, ...common });
    setDialog(undefined);
  };

  return (
    <div className={styles.actionBar} data-testid="action-bar">
      <Input.TextArea
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        placeholder={t("tasks.commentPlaceholder")}
        autoSize={{ minRows: 2, maxRows: 6 }}
        maxLength={2000}
        data-testid="action-comment"
      />
      <Checkbox checked={signing} onChange={(e) => setSigning(e.target.checked)} data-testid="action-sign">
        {t("tasks.signHere")}
      </Checkbox>
      {signing ? (
        <div className={styles.signature}>
          <SignatureInput
            field={SIGNATURE_FIELD}
            value={signature ?? null}
            onChange={(v) => setSignature((v as { fileId: string } | null) ?? undefined)}
            readOnly={false}
            locale={locale}
            services={services}
            inputId="task-signature"
            invalid={false}
          />
        </div>
      ) : null}
      <Space wrap className={styles.actionButtons}>
        {primary ? (
          <Button
            type="primary"
            icon={<CheckOutlined />}
            loading={busy}
            onClick={() => onAct({ action: primary, ...common })}
            data-testid={`action-${primary}`}
          >
            {t(`tasks.actions.${primary}.verb`)}
          </Button>
        ) : null}
        {has("reject") ? (
          <Button
            danger
            icon={<CloseOutlined />}
            disabled={busy}
            onClick={() => setDialog("reject")}
            data-testid="action-reject"
          >
            {t("tasks.actions.reject.verb")}
          </Button>
        ) : null}
        {has("return") && detail.node.returnTargets.length > 0 ? (
          <Button
            icon={<RollbackOutlined />}
            disabled={busy}
            onClick={() => setDialog("return")}
            data-testid="action-return"
          >
            {t("tasks.actions.return.verb")}
          </Button>
        ) : null}
        {has("transfer") ? (
          <Button
            icon={<SwapOutlined />}
            disabled={busy}
            onClick={() => setDialog("transfer")}
            data-testid="action-transfer"
          >
            {t("tasks.actions.transfer.verb")}
          </Button>
        ) : null}
        {has("addSigner") ? (
          <Button
            icon={<UserAddOutlined />}
            disabled={busy}
            onClick={() => setDialog("addSigner")}
            data-testid="action-addSigner"
          >
            {t("tasks.actions.addSigner.verb")}
          </Button>
        ) : null}
      </Space>
      <Modal
        open={dialog !== undefined}
        title={dialog ? t(`tasks.actions.${dialog}.title`) : undefined}
        okText={dialog ? t(`tasks.actions.${dialog}.verb`) : undefined}
        okButtonProps={{
          danger: dialog === "reject",
          disabled:
            (dialog === "return" && !target) ||
            (dialog === "transfer" && !transferTo) ||
            (dialog === "addSigner" && signers.length === 0),
          "data-testid": "action-confirm",
        }}
        cancelText={t("common.cancel")}
        onOk={confirm}
        onCancel={() => setDialog(undefined)}
        destroyOnHidden
      >
        {dialog === "reject" ? <p>{t("tasks.actions.reject.hint")}</p> : null}
        {dialog === "return" ? (
          <Select
            className={styles.full}
            value={target}
            onChange={setTarget}
            options={detail.node.returnTargets.map((n) => ({
              value: n.id,
              label: nodeLabel(n, t, i18n.language),
            }))}
          />
        ) : null}
        {dialog === "transfer" ? (
          <MemberInput
            field={MEMBER_FIELD}
            value={transferTo ?? null}
            onChange={(v) => setTransferTo(idOf(v))}
            readOnly={false}
            locale={locale}
            services={services}
            inputId="task-transfer"
            invalid={false}
          />
        ) : null}
        {dialog === "addSigner" ? (
          <div className={styles.stack}>
            <MembersInput
              field={MEMBERS_FIELD}
              value={signers}
              onChange={(v) => setSigners(Array.isArray(v) ? v.flatMap((x) => idOf(x) ?? []) : [])}
              readOnly={false}
              locale={locale}
              services={services}
              inputId="task-signers"
              invalid={false}
            />
            <Radio.Group value={position} onChange={(e) => setPosition(e.target.value)}>
              {(["before", "after", "parallel"] as const).map((p) => (
                <Radio key={p} value={p}>
                  {t(`tasks.addSigner.${p}`)}
                </Radio>
              ))}
            </Radio.Group>
          </div>
        ) : null}
      </Modal>
    </div>
  );
}
