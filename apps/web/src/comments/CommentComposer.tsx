import type { CommentInput } from "@formwork/client";
import { Button, Flex, Input } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { MembersPicker } from "../admin/Pickers";

interface Props {
  initial?: { text: string; mentions: string[] };
  pending: boolean;
  submitLabel: string;
  /** Resolves when saved (the composer then clears); rejects to keep the text. */
  onSubmit(input: CommentInput): Promise<unknown>;
  onCancel?: () => void;
}

/** The text and the members to @mention (picked from the directory, so a mention is never a guess). */
export function CommentComposer({ initial, pending, submitLabel, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial?.text ?? "");
  const [mentions, setMentions] = useState<string[]>(initial?.mentions ?? []);
  const submit = async () => {
    try {
      await onSubmit({ text: text.trim(), mentions });
      setText("");
      setMentions([]);
    } catch {
      // The caller showed why; the text stays for another try.
    }
  };
  return (
    <Flex vertical gap={8} data-testid="comment-composer">
      <Input.TextArea
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={t("comments.placeholder")}
        autoSize={{ minRows: 2, maxRows: 8 }}
        maxLength={10000}
        aria-label={t("comments.placeholder")}
      />
      <Flex gap={8} align="center" wrap>
        <div style={{ flex: "1 1 200px", minWidth: 0 }} title={t("comments.mention")}>
          <MembersPicker value={mentions} onChange={setMentions} />
        </div>
        {onCancel ? <Button onClick={onCancel}>{t("comments.cancel")}</Button> : null}
        <Button type="primary" loading={pending} disabled={text.trim() === ""} onClick={submit}>
          {submitLabel}
        </Button>
      </Flex>
    </Flex>
  );
}
