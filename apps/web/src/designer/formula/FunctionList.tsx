import { FUNCTIONS, type FunctionCategory } from "@formwork/expressions";
import { Collapse, Input } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import styles from "../designer.module.css";

const CATEGORIES: FunctionCategory[] = ["math", "logic", "text", "date", "aggregate"];

/** The function library by category, with each function's description and example in the UI language. */
export function FunctionList({ onInsert }: { onInsert: (name: string) => void }) {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState("");
  const [hovered, setHovered] = useState<string>();
  const specs = useMemo(() => Object.values(FUNCTIONS).sort((a, b) => a.name.localeCompare(b.name)), []);
  const matching = specs.filter((spec) => {
    const q = query.trim().toLowerCase();
    return (
      !q ||
      spec.name.toLowerCase().includes(q) ||
      spec.doc.zh.includes(q) ||
      spec.doc.en.toLowerCase().includes(q)
    );
  });
  const shown = FUNCTIONS[hovered ?? ""] ?? matching[0];
  return (
    <div className={styles.functionPane}>
      <Input.Search
        size="small"
        allowClear
        placeholder={t("designer.formula.searchFunctions")}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      <div className={styles.functionScroll}>
        <Collapse
          size="small"
          ghost
          defaultActiveKey={query ? CATEGORIES : ["math"]}
          activeKey={query ? CATEGORIES : undefined}
          items={CATEGORIES.map((category) => ({
            key: category,
            label: t(`designer.formula.category.${category}`),
            children: (
              <div className={styles.functionNames}>
                {matching
                  .filter((spec) => spec.category === category)
                  .map((spec) => (
                    <button
                      key={spec.name}
                      type="button"
                      className={styles.functionName}
                      onMouseEnter={() => setHovered(spec.name)}
                      onFocus={() => setHovered(spec.name)}
                      onClick={() => onInsert(spec.name)}
                    >
                      {spec.name}
                    </button>
                  ))}
              </div>
            ),
          }))}
        />
      </div>
      {shown ? (
        <div className={styles.functionDoc} data-testid="function-doc">
          <strong>{shown.name}</strong>
          <p>{i18n.language === "en" ? shown.doc.en : shown.doc.zh}</p>
          <code>
            {shown.doc.example} → {shown.doc.result}
          </code>
        </div>
      ) : null}
    </div>
  );
}
