// What the bench page exposes on window (page/main.tsx), typed for the Node scripts that drive it.
export type BenchKind = "plain" | "renderer" | "designer";

export interface BenchApi {
  mount: (kind: BenchKind) => Promise<number>;
  typeInRenderer: (count: number) => Promise<number[]>;
  typeInDesigner: (count: number) => Promise<number[]>;
  typeAgain: (count: number) => Promise<number[]>;
  unmount: () => void;
}

export type BenchGlobal = { bench: BenchApi };
