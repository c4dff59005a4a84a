// The only body parser for JSON routes. Fastify's default parser runs secure-json-parse with proto and
// constructor poisoning set to "error"; it answers every failure alike, so on failure we parse again with
// JSON.parse (which never touches prototypes) to tell malformed text from a forbidden key and point at it.
import { FormworkError } from "@formwork/schema";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { findUnsafeJson } from "./unsafe-json";

/** `application/json`, any letter case, with no parameter or a UTF-8 charset; nothing else. */
const JSON_MEDIA_TYPE = /^application\/json\s*(?:;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

export function isJsonMediaType(header: string | undefined): boolean {
  return header !== undefined && JSON_MEDIA_TYPE.test(header.trim());
}

export function registerJsonBodyParser(app: FastifyInstance): void {
  const secureParse = app.getDefaultJsonParser("error", "error");
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    JSON_MEDIA_TYPE,
    { parseAs: "string" },
    (request: FastifyRequest, body: string | Buffer, done: (err: Error | null, value?: unknown) => void) => {
      const text = typeof body === "string" ? body : body.toString("utf8");
      if (text.trim().length === 0) {
        // Bodiless actions (publish, logout, restore) tolerate clients that always send the JSON header.
        if (!request.routeOptions.schema?.body) {
          done(null, undefined);
          return;
        }
        done(
          new FormworkError("INVALID_JSON", "The request body is empty", [
            { path: "", message: "empty body" },
          ]),
        );
        return;
      }
      secureParse(request, text, (error: Error | null, value: unknown) => {
        if (error) {
          done(explainParseFailure(text));
          return;
        }
        const problem = findUnsafeJson(value);
        done(problem ? new FormworkError("VALIDATION_FAILED", problem.message, [problem]) : null, value);
      });
    },
  );
}

function explainParseFailure(text: string): FormworkError {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : "malformed JSON";
    return new FormworkError("INVALID_JSON", "The request body is not valid JSON", [{ path: "", message }]);
  }
  const problem = findUnsafeJson(value) ?? { path: "", message: "forbidden key" };
  return new FormworkError("VALIDATION_FAILED", problem.message, [problem]);
}
