import { lazy, Suspense } from "react";
import { PageLoading } from "../common/PageLoading";

// The page and its texts are a chunk of their own (the texts load with it, see i18n/lazy-texts.ts).
const AutomationsPage = lazy(async () => {
  const [page] = await Promise.all([
    import("./AutomationsPage"),
    import("./texts").then((texts) => texts.textsReady),
  ]);
  return { default: page.AutomationsPage };
});

/** The lazy route module of /apps/:appId/automations. */
export function Component() {
  return (
    <Suspense fallback={<PageLoading />}>
      <AutomationsPage />
    </Suspense>
  );
}
