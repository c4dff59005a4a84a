import { existsSync } from "node:fs";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import { FormworkError } from "@formwork/schema";
import { globalPlugin } from "../global-plugin";

/**
 * Owns the app's 404 handling. With `distDir` it serves the built web app (a single-page app: unknown
 * GET paths outside /api get index.html), or, before the web app has been built, a small page pointing
 * at the API docs. API paths always get JSON 404s.
 */
export const webPlugin = globalPlugin<{ distDir?: string | undefined }>(async (app, { distDir }) => {
  const built = distDir !== undefined && existsSync(join(distDir, "index.html"));
  if (built) {
    await app.register(fastifyStatic, { root: distDir, prefix: "/", wildcard: false, index: ["index.html"] });
  } else if (distDir !== undefined) {
    app.get("/", { schema: { hide: true } }, async (_request, reply) =>
      reply.type("text/html").send(PLACEHOLDER),
    );
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0] ?? "";
    if (!built || path.startsWith("/api/") || path === "/api" || request.method !== "GET") {
      return reply
        .status(404)
        .send(new FormworkError("NOT_FOUND", `No route for ${request.method} ${path}`).toBody());
    }
    return reply.sendFile("index.html");
  });
});

const PLACEHOLDER = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Formwork</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; line-height: 1.5">
<h1>Formwork is running</h1>
<p>The web app has not been built yet. The API is up: browse it at <a href="/api/docs">/api/docs</a>
(OpenAPI document at <a href="/api/openapi.json">/api/openapi.json</a>).</p>
</body></html>`;
