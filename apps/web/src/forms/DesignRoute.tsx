import { ComingSoon } from "./ComingSoon";

/** The design tab's page; a lazy route module so its code loads only when the tab opens. */
export function Component() {
  return <ComingSoon title="coming.designTitle" text="coming.designText" />;
}
