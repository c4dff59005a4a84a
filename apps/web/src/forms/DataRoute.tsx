import { DataPage } from "../data/DataPage";

/** The data tab's page; a lazy route module so the grid's code loads only when the tab opens. */
export function Component() {
  return <DataPage />;
}
