// Collision detection for one DndContext holding the palette, the form and nested sub-form lists.
import { type CollisionDetection, closestCenter, pointerWithin } from "@dnd-kit/core";
import type { DragData } from "./drag-ids";

function isInner(data: DragData | undefined): boolean {
  return data?.source === "subform-zone" || (data?.source === "field" && data.parent !== undefined);
}

/**
 * A field being sorted only meets its own list (so keyboard moves never jump into a sub-form); a palette
 * item prefers what the pointer is inside, innermost (sub-form) targets first.
 */
export const designerCollision: CollisionDetection = (args) => {
  const active = args.active.data.current as DragData | undefined;
  if (active?.source === "field") {
    return closestCenter({
      ...args,
      droppableContainers: args.droppableContainers.filter((container) => {
        const data = container.data.current as DragData | undefined;
        return data?.source === "field" && data.parent === active.parent;
      }),
    });
  }
  const within = pointerWithin(args);
  if (within.length === 0) return closestCenter(args);
  return [...within].sort((a, b) => {
    const inner = (c: typeof a) => isInner(c.data?.droppableContainer?.data.current as DragData | undefined);
    return Number(inner(b)) - Number(inner(a));
  });
};
