import { useCallback, useEffect, useState } from "react";
import { defaultView, type GridView, loadView, saveView } from "./grid-view";

function browserStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** The form's saved view, saved again on every change. */
export function useGridView(formId: string, columnIds: readonly string[]) {
  const idsKey = columnIds.join("\n");
  const [view, setView] = useState<GridView>(() => loadView(browserStorage(), formId, columnIds));
  // A newly published version may add or drop fields: bring the view up to date with it.
  useEffect(() => setView(loadView(browserStorage(), formId, columnIds)), [formId, idsKey]);
  const change = useCallback(
    (next: GridView) => {
      setView(next);
      saveView(browserStorage(), formId, next);
    },
    [formId],
  );
  const reset = useCallback(() => change(defaultView(columnIds)), [change, columnIds]);
  return { view, change, reset };
}
