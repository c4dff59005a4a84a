import { ArrowDownOutlined, ArrowUpOutlined, FlagOutlined } from "@ant-design/icons";
import type { FlowEdge } from "@formwork/schema";
import { Button, Space, Tag, Tooltip } from "antd";
import { useTranslation } from "react-i18next";
import { RuleBuilder } from "../../designer/rules/RuleBuilder";
import { useFlowEditor } from "../flow-context";
import styles from "../flows.module.css";
import { moveCondition, setDefaultEdge } from "../model/branch-order";
import { nodeById, updateEdge } from "../model/flow-edit";
import { nodeTitle } from "./node-title";

/** One lane of a branch: its place in the order, its condition (the rule builder) or the default flag. */
export function ConditionEditor({ edge, index, count }: { edge: FlowEdge; index: number; count: number }) {
  const { t, i18n } = useTranslation();
  const { flow, form, change, issues } = useFlowEditor();
  const target = nodeTitle(nodeById(flow, edge.target), t, i18n.language);
  const problems = issues.edges.get(edge.id) ?? [];
  return (
    <div
      className={`${styles.lane} ${problems.length > 0 ? styles.laneInvalid : ""}`}
      data-testid={`lane-${edge.id}`}
    >
      <div className={styles.laneHeader}>
        {edge.default ? (
          <Tag color="default">{t("flows.branch.default")}</Tag>
        ) : (
          <Tag color="blue">{t("flows.branch.condition", { n: index + 1 })}</Tag>
        )}
        <span className={styles.laneTarget}>→ {target}</span>
        <Space size={0}>
          {edge.default ? null : (
            <>
              <Tooltip title={t("flows.branch.earlier")}>
                <Button
                  type="text"
                  size="small"
                  icon={<ArrowUpOutlined />}
                  disabled={index === 0}
                  aria-label={t("flows.branch.earlier")}
                  onClick={() => change(moveCondition(flow, edge.id, -1))}
                />
              </Tooltip>
              <Tooltip title={t("flows.branch.later")}>
                <Button
                  type="text"
                  size="small"
                  icon={<ArrowDownOutlined />}
                  disabled={index === count - 1}
                  aria-label={t("flows.branch.later")}
                  onClick={() => change(moveCondition(flow, edge.id, 1))}
                />
              </Tooltip>
              <Tooltip title={t("flows.branch.makeDefault")}>
                <Button
                  type="text"
                  size="small"
                  icon={<FlagOutlined />}
                  aria-label={t("flows.branch.makeDefault")}
                  onClick={() => change(setDefaultEdge(flow, edge.id))}
                />
              </Tooltip>
            </>
          )}
        </Space>
      </div>
      {edge.default ? (
        <p className={styles.muted}>{t("flows.branch.defaultHint")}</p>
      ) : (
        <RuleBuilder
          fields={form.fields}
          value={edge.when}
          onChange={(when) => change(updateEdge(flow, edge.id, { when }), `${edge.id}:when`)}
        />
      )}
      {problems.map((p) => (
        <p key={p.code + p.path} className={styles.issueText}>
          {t(`flows.issues.${p.code}`, { defaultValue: p.message })}
        </p>
      ))}
    </div>
  );
}
