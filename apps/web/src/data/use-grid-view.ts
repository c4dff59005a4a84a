import type { SavedView, ViewInput } from "@formwork/client";
import { useCallback, useEffect, useMemo, useState } from "react";
import { defaultState, sameState, stateOfView, type ViewState, viewContent } from "./saved-views";
import { useChangeView, useSavedViews } from "./use-saved-views";

// Which view was open last, per form: a preference of this browser, not part of any view.
const activeKey = (formId: string) => `formwork.activeView.${formId}`;

function remembered(formId: string): string | null {
  try {
    return window.localStorage.getItem(activeKey(formId));
  } catch {
    return null;
  }
}

function remember(formId: string, viewId: string | null): void {
  try {
    if (viewId) window.localStorage.setItem(activeKey(formId), viewId);
    else window.localStorage.removeItem(activeKey(formId));
  } catch {
    // Storage may be disabled: the grid just opens on the default view next time.
  }
}

/**
 * The grid's state — filter, sort, columns, page size — as the open saved view describes it plus the
 * user's changes since, which `save` writes into that view and `saveAs` into a new one.
 */
export function useGridView(formId: string, columnIds: readonly string[]) {
  const list = useSavedViews(formId);
  const change = useChangeView(formId);
  const [activeId, setActiveId] = useState<string | null>(() => remembered(formId));
  const [working, setWorking] = useState<ViewState | null>(null);
  const idsKey = columnIds.join("\n");

  const views = list.data?.views ?? [];
  const active: SavedView | undefined = views.find((v) => v.id === activeId);
  // Keyed on idsKey (the ids' content), not the array, which is a new object on every render.
  const base = useMemo(
    () => (active ? stateOfView(active, columnIds) : defaultState(columnIds)),
    [active, idsKey],
  );
  const state = working ?? base;
  const dirty = working !== null && !sameState(working, base);

  // A remembered view that no longer exists (deleted elsewhere) falls back to the default view.
  useEffect(() => {
    if (list.isSuccess && activeId && !active) {
      setActiveId(null);
      remember(formId, null);
    }
  }, [list.isSuccess, activeId, active, formId]);

  const update = useCallback(
    (patch: Partial<ViewState>) => setWorking((current) => ({ ...(current ?? base), ...patch })),
    [base],
  );

  const open = useCallback(
    (viewId: string | null) => {
      setActiveId(viewId);
      setWorking(null);
      remember(formId, viewId);
    },
    [formId],
  );

  /** Writes the changes into the open view (when the user may change it). */
  const save = useCallback(async () => {
    if (!active) return;
    await change.mutateAsync({ kind: "update", view: active, patch: viewContent(state) });
    setWorking(null);
  }, [active, change, state]);

  /** Saves the current state as a new view and opens it. */
  const saveAs = useCallback(
    async (name: string, shared: boolean) => {
      const input: ViewInput = { name, shared, ...viewContent(state) };
      const created = await change.mutateAsync({ kind: "create", input });
      if (created) open(created.id);
    },
    [change, open, state],
  );

  /** Renames or (un)shares the open view; the user's unsaved changes stay unsaved. */
  const edit = useCallback(
    async (patch: Partial<Pick<ViewInput, "name" | "shared">>) => {
      if (active) await change.mutateAsync({ kind: "update", view: active, patch });
    },
    [active, change],
  );

  const remove = useCallback(async () => {
    if (!active) return;
    await change.mutateAsync({ kind: "delete", view: active });
    open(null);
  }, [active, change, open]);

  return {
    views,
    canShare: list.data?.canShare ?? false,
    loading: list.isLoading,
    active,
    state,
    dirty,
    busy: change.isPending,
    update,
    reset: () => setWorking(null),
    open,
    save,
    saveAs,
    edit,
    remove,
  };
}

export type GridViewControl = ReturnType<typeof useGridView>;
