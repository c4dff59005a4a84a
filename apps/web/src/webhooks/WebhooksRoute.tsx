import { lazy, Suspense } from "react";
import { PageLoading } from "../common/PageLoading";

// The page and its texts (i18n/lazy-texts.ts) are chunks of their own behind this thin route module, so
// the router in every page's first download names one small chunk here.
const WebhooksPage = lazy(async () => {
  const [page] = await Promise.all([
    import("./WebhooksPage"),
    import("./texts").then((texts) => texts.textsReady),
  ]);
  return { default: page.WebhooksPage };
});

/** The lazy route module of /apps/:appId/webhooks. */
export function Component() {
  return (
    <Suspense fallback={<PageLoading />}>
      <WebhooksPage />
    </Suspense>
  );
}
