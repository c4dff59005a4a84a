import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import { globalPlugin } from "../global-plugin";

/**
 * Collects every route's schema into an OpenAPI 3 document at `/api/openapi.json`, browsable at
 * `/api/docs`. Registered before the feature plugins so it sees their routes.
 */
export const openapiPlugin = globalPlugin(async (app) => {
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Formwork API",
        version: "1",
        description:
          "Authenticate with the session cookie from POST /api/auth/login (send `X-Requested-With: formwork` on writes) or with `Authorization: Bearer fw_...` from POST /api/tokens.",
      },
      components: {
        securitySchemes: {
          bearer: { type: "http", scheme: "bearer" },
          session: { type: "apiKey", in: "cookie", name: "formwork_session" },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs" });
  app.get("/api/openapi.json", { schema: { hide: true }, config: { auth: "public" } }, async () =>
    app.swagger(),
  );
});
