import { ComingSoon } from "./ComingSoon";

/** The data tab's page; a lazy route module so its code loads only when the tab opens. */
export function Component() {
  return <ComingSoon title="coming.dataTitle" text="coming.dataText" />;
}
