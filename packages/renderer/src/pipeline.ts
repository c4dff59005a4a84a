// The submission pipeline (with its JSON Schema validator and the formula engine) is the largest code
// the fill page needs, so it loads as its own chunk right after the form's inputs: the form shows at
// once and comes alive (totals, rules, messages) a moment later.
import type { prepareRecord } from "@formwork/fields";
import { useEffect, useState } from "react";

export type PrepareRecord = typeof prepareRecord;

let loaded: PrepareRecord | undefined;
let loading: Promise<PrepareRecord> | undefined;

export function loadPipeline(): Promise<PrepareRecord> {
  loading ??= import("@formwork/fields").then((m) => {
    loaded = m.prepareRecord;
    return m.prepareRecord;
  });
  return loading;
}

/** The pipeline once it has loaded (undefined until then); starts loading on first use. */
export function usePipeline(): PrepareRecord | undefined {
  const [pipeline, setPipeline] = useState<PrepareRecord | undefined>(() => loaded);
  useEffect(() => {
    if (pipeline) return;
    let live = true;
    void loadPipeline().then((fn) => live && setPipeline(() => fn));
    return () => {
      live = false;
    };
  }, [pipeline]);
  return pipeline;
}
