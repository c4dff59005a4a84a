import { App as AntdApp, Avatar, Button, Empty, Flex, Popconfirm, Spin, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useCurrentUser } from "../api/use-session";
import { errorMessage } from "../common/error-message";
import { formatAgo } from "../tasks/time";
import { CommentComposer } from "./CommentComposer";
import { useComments, useCommentWrites } from "./use-comments";

interface Props {
  formId: string;
  recordId: string;
}

/** A record's comments, oldest first, with a composer; authors edit and delete their own. */
export function CommentsPanel({ formId, recordId }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = AntdApp.useApp();
  const me = useCurrentUser();
  const comments = useComments(formId, recordId);
  const writes = useCommentWrites(formId, recordId);
  const [editing, setEditing] = useState<string | null>(null);
  const now = Date.now();
  const fail = (error: unknown) => {
    message.error(errorMessage(error, t));
    throw error;
  };

  if (comments.isPending) return <Spin />;
  const items = comments.data?.items ?? [];
  return (
    <Flex vertical gap={16} data-testid="comments-panel">
      {items.length === 0 ? (
        <Empty description={t("comments.none")} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : null}
      {items.map((comment) => (
        <Flex key={comment.id} gap={10} data-testid="comment">
          <Avatar size="small">{comment.author?.name.slice(0, 1) ?? "?"}</Avatar>
          <Flex vertical gap={4} style={{ flex: 1, minWidth: 0 }}>
            <Flex gap={8} align="baseline" wrap>
              <Typography.Text strong>{comment.author?.name ?? t("comments.former")}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatAgo(comment.createdAt, now, i18n.language)}
                {comment.editedAt ? ` · ${t("comments.edited")}` : ""}
              </Typography.Text>
            </Flex>
            {editing === comment.id ? (
              <CommentComposer
                initial={{ text: comment.text, mentions: comment.mentions.map((m) => m.id) }}
                pending={writes.update.isPending}
                submitLabel={t("comments.save")}
                onCancel={() => setEditing(null)}
                onSubmit={(input) =>
                  writes.update
                    .mutateAsync({ id: comment.id, input })
                    .then(() => setEditing(null))
                    .catch(fail)
                }
              />
            ) : (
              <>
                <Typography.Paragraph style={{ whiteSpace: "pre-wrap", marginBottom: 0 }}>
                  {comment.text}
                </Typography.Paragraph>
                {comment.mentions.length > 0 ? (
                  <Flex gap={4} wrap>
                    {comment.mentions.map((m) => (
                      <Tag key={m.id} color="blue">
                        @{m.name}
                      </Tag>
                    ))}
                  </Flex>
                ) : null}
                {comment.author?.id === me.id || me.isAdmin ? (
                  <Flex gap={4}>
                    {comment.author?.id === me.id ? (
                      <Button size="small" type="link" onClick={() => setEditing(comment.id)}>
                        {t("comments.edit")}
                      </Button>
                    ) : null}
                    <Popconfirm
                      title={t("comments.confirmDelete")}
                      onConfirm={() => writes.remove.mutateAsync(comment.id).catch(fail)}
                    >
                      <Button size="small" type="link" danger>
                        {t("comments.delete")}
                      </Button>
                    </Popconfirm>
                  </Flex>
                ) : null}
              </>
            )}
          </Flex>
        </Flex>
      ))}
      <CommentComposer
        pending={writes.create.isPending}
        submitLabel={t("comments.send")}
        onSubmit={(input) => writes.create.mutateAsync(input).catch(fail)}
      />
    </Flex>
  );
}
