import { lazy, Suspense } from "react";
import { useParams } from "react-router";
import { PageLoading } from "../common/PageLoading";

// The designer (dnd-kit, the field registry, the formula checker) is its own chunk: the fill page
// never downloads it.
const Designer = lazy(() => import("../designer/Designer"));

/** The design tab's page; a lazy route module so its code loads only when the tab opens. */
export function Component() {
  const { appId = "", formId = "" } = useParams();
  return (
    <Suspense fallback={<PageLoading />}>
      <Designer key={formId} appId={appId} formId={formId} />
    </Suspense>
  );
}
