import { useEffect, useState } from "react";

/** Loads a list once per `key` (a picker's choices); an error leaves the list empty. */
export function useRemoteList<T>(
  key: string,
  load: () => Promise<T[]>,
  enabled = true,
): { items: T[]; loading: boolean } {
  const [state, setState] = useState<{ key: string; items: T[]; loading: boolean }>({
    key: "",
    items: [],
    loading: false,
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names what `load` loads
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load()
      .then((items) => live && setState({ key, items, loading: false }))
      .catch(() => live && setState({ key, items: [], loading: false }));
    return () => {
      live = false;
    };
  }, [key, enabled]);
  return { items: state.items, loading: state.loading };
}
