import { globalPlugin } from "../global-plugin";
import { toErrorResponse } from "./to-error-response";

/** Every error leaves the app as `{"error": {...}}`; 5xx are logged with their stack, never sent. (404s for
 * unknown routes are answered by the web plugin, which also serves the web app.) */
export const errorsPlugin = globalPlugin(async (app) => {
  app.setErrorHandler((error, request, reply) => {
    const { status, body, unexpected } = toErrorResponse(error);
    if (unexpected) request.log.error({ err: error }, "unhandled error");
    else if (status >= 500) request.log.warn({ err: error }, body.error.message);
    const retryAfter = (error as { retryAfterSeconds?: unknown }).retryAfterSeconds;
    if (typeof retryAfter === "number") reply.header("retry-after", String(retryAfter));
    else if (status === 503) reply.header("retry-after", "1");
    return reply.status(status).send(body);
  });
});
