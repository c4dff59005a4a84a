import { useEffect, useState } from "react";

/** Rows area height for the virtual table: what is left of the window below the grid's top edge. */
export function useGridHeight(reserved: number, minimum = 280): number {
  const measure = () => Math.max(minimum, window.innerHeight - reserved);
  const [height, setHeight] = useState(measure);
  useEffect(() => {
    const onResize = () => setHeight(measure());
    onResize();
    window.addEventListener("resize", onResize);
    return () => window.removeEventListener("resize", onResize);
  }, [reserved, minimum]);
  return height;
}
