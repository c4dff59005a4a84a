import { ComingSoon } from "./ComingSoon";

/** The fill tab's page; a lazy route module so its code loads only when the tab opens. */
export function Component() {
  return <ComingSoon title="coming.fillTitle" text="coming.fillText" />;
}
