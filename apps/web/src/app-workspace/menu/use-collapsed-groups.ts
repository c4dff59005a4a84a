import { useCallback, useState } from "react";

const storageKey = (appId: string) => `formwork.menu.collapsed.${appId}`;

function read(appId: string): Set<string> {
  try {
    const stored = JSON.parse(localStorage.getItem(storageKey(appId)) ?? "[]");
    return new Set(Array.isArray(stored) ? stored.filter((id) => typeof id === "string") : []);
  } catch {
    return new Set();
  }
}

/** Which groups of the app's menu this browser keeps folded (a view preference, not shared). */
export function useCollapsedGroups(appId: string): [ReadonlySet<string>, (groupId: string) => void] {
  const [collapsed, setCollapsed] = useState(() => read(appId));
  const toggle = useCallback(
    (groupId: string) =>
      setCollapsed((current) => {
        const next = new Set(current);
        if (!next.delete(groupId)) next.add(groupId);
        try {
          localStorage.setItem(storageKey(appId), JSON.stringify([...next]));
        } catch {
          // Private mode or a full quota: folding still works for this visit.
        }
        return next;
      }),
    [appId],
  );
  return [collapsed, toggle];
}
