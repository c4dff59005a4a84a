import { useRef } from "react";

/**
 * The same array as last render while the ids are the same, in the same order. dnd-kit's
 * SortableContext treats a new `items` array as a change and re-renders every sortable card, so
 * passing a fresh `fields.map(f => f.id)` on each keystroke would undo the cards' memoisation.
 */
export function useStableIds(ids: readonly string[]): readonly string[] {
  const previous = useRef(ids);
  const same = previous.current.length === ids.length && previous.current.every((id, i) => id === ids[i]);
  if (!same) previous.current = ids;
  return previous.current;
}
