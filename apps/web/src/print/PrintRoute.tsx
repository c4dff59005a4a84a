import { lazy, Suspense } from "react";
import { PageLoading } from "../common/PageLoading";

// The page is a chunk of its own behind this thin route module (with its texts, see i18n/lazy-texts.ts),
// so the router in the first download names one small chunk here.
const PrintPage = lazy(async () => {
  const [page] = await Promise.all([
    import("./PrintPage"),
    import("./texts").then((texts) => texts.textsReady),
  ]);
  return { default: page.PrintPage };
});

/** The lazy route module of /apps/:appId/forms/:formId/records/:recordId/print. */
export function Component() {
  return (
    <Suspense fallback={<PageLoading />}>
      <PrintPage />
    </Suspense>
  );
}
