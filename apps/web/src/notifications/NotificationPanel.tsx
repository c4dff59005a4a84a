import {
  AlertOutlined,
  BellOutlined,
  CheckCircleOutlined,
  ClockCircleOutlined,
  CopyOutlined,
  MessageOutlined,
  UserAddOutlined,
} from "@ant-design/icons";
import type { NotificationItem, NotificationKind } from "@formwork/schema";
import { Button, Drawer, Empty, Grid, Segmented, Spin } from "antd";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { formatAgo } from "../tasks/time";
import { EmailOptIn } from "./EmailOptIn";
import styles from "./notifications.module.css";
import { useMarkRead, useNotifications } from "./use-notifications";

const ICONS: Record<NotificationKind, ReactNode> = {
  task_assigned: <UserAddOutlined />,
  cc: <CopyOutlined />,
  mention: <MessageOutlined />,
  automation: <BellOutlined />,
  deadline_reminder: <ClockCircleOutlined />,
  urge: <AlertOutlined />,
  flow_finished: <CheckCircleOutlined />,
};

interface Props {
  open: boolean;
  onClose(): void;
}

/** The notification centre: newest first, all or unread, opening an item marks it read and follows its link. */
export default function NotificationPanel({ open, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const screens = Grid.useBreakpoint();
  const navigate = useNavigate();
  const [unread, setUnread] = useState(false);
  const list = useNotifications(unread);
  const markRead = useMarkRead();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const unreadCount = list.data?.pages[0]?.unread ?? 0;
  const now = Date.now();

  const openItem = (item: NotificationItem) => {
    if (!item.readAt) markRead.mutate({ ids: [item.id] });
    if (item.link) {
      onClose();
      navigate(item.link);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t("notifications.title")}
      size={screens.sm ? 420 : "100%"}
      destroyOnHidden={false}
    >
      <div className={styles.toolbar}>
        <Segmented
          value={unread ? "unread" : "all"}
          onChange={(v) => setUnread(v === "unread")}
          options={[
            { value: "all", label: t("notifications.all") },
            { value: "unread", label: t("notifications.unread") },
          ]}
        />
        <Button
          type="link"
          size="small"
          disabled={unreadCount === 0}
          loading={markRead.isPending}
          onClick={() => markRead.mutate({ all: true })}
          data-testid="notifications-read-all"
        >
          {t("notifications.readAll")}
        </Button>
      </div>
      <EmailOptIn />
      {list.isPending ? (
        <Spin />
      ) : items.length === 0 ? (
        <Empty description={t(unread ? "notifications.noneUnread" : "notifications.none")} />
      ) : (
        <div className={styles.list} data-testid="notifications-list">
          {items.map((item) => (
            <button
              type="button"
              key={item.id}
              className={`${styles.item} ${item.readAt ? "" : styles.unread}`}
              onClick={() => openItem(item)}
              data-testid="notification-item"
            >
              <span className={styles.icon}>{ICONS[item.kind]}</span>
              <span className={styles.body}>
                <div className={styles.headline}>
                  {t(`notifications.kind.${item.kind}`, {
                    actor: item.actor?.name ?? t("notifications.system"),
                    title: item.title || t("notifications.untitled"),
                  })}
                </div>
                {typeof item.payload.excerpt === "string" ? (
                  <div className={styles.excerpt}>{item.payload.excerpt}</div>
                ) : null}
                <div className={styles.time}>{formatAgo(item.createdAt, now, i18n.language)}</div>
              </span>
              {item.readAt ? null : <span className={styles.dot} />}
            </button>
          ))}
          {list.hasNextPage ? (
            <Button type="link" loading={list.isFetchingNextPage} onClick={() => list.fetchNextPage()}>
              {t("notifications.more")}
            </Button>
          ) : null}
        </div>
      )}
    </Drawer>
  );
}
