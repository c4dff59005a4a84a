import { DeleteOutlined } from "@ant-design/icons";
import { Button, Flex, Popconfirm, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/** A department's or role's name (click to rename), its actions, and a delete button that confirms. */
export function DetailsHeading({
  name,
  renameLabel,
  onRename,
  deleteLabel,
  deleteConfirm,
  onDelete,
  children,
}: {
  name: string;
  renameLabel: string;
  onRename: (name: string) => void;
  deleteLabel: string;
  deleteConfirm: string;
  onDelete: () => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Flex justify="space-between" align="flex-start" gap={12} wrap>
      <Typography.Title
        level={4}
        style={{ margin: 0 }}
        editable={{
          tooltip: renameLabel,
          onChange: (next) => {
            if (next.trim() && next.trim() !== name) onRename(next.trim());
          },
        }}
      >
        {name}
      </Typography.Title>
      <Flex gap={8} wrap>
        {children}
        <Popconfirm
          title={deleteLabel}
          description={deleteConfirm}
          okButtonProps={{ danger: true }}
          okText={deleteLabel}
          cancelText={t("common.cancel")}
          onConfirm={onDelete}
        >
          <Button danger icon={<DeleteOutlined />} aria-label={deleteLabel} />
        </Popconfirm>
      </Flex>
    </Flex>
  );
}
