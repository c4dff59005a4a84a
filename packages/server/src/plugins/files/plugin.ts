import multipart from "@fastify/multipart";
import { newId } from "@formwork/db";
import { FormworkError } from "@formwork/schema";
import type { FastifyPluginAsync } from "fastify";
import type { ServerConfig } from "../../config";
import type { Db } from "../../database";
import { idParamsSchema } from "../../http/common-schemas";
import { currentUser } from "../auth/authenticate";
import type { PublishedForms } from "../records/published-forms";
import { canReadRecord } from "../records/record-access";
import type { FileStorage } from "./file-storage";
import { contentDisposition, findFile, insertFile, safeFileName } from "./files-store";
import { contentMatchesType } from "./sniff";

const fileSchema = {
  type: "object",
  properties: {
    id: { type: "string" },
    name: { type: "string" },
    mime: { type: "string" },
    size: { type: "integer" },
    sha256: { type: "string" },
    createdAt: { type: "string" },
  },
} as const;

/**
 * Uploads (images, attachments, signatures): one file per `multipart/form-data` request, checked
 * against the size limit, the MIME allowlist and, for images, the magic bytes. A file is readable by
 * its uploader until a record refers to it, then by whoever may read that record.
 */
export const filesPlugin: FastifyPluginAsync<{
  db: Db;
  config: ServerConfig;
  storage: FileStorage;
  forms: PublishedForms;
}> = async (app, { db, config, storage, forms }) => {
  const allowed = new Set(config.uploads.allowedTypes.map((t) => t.toLowerCase()));
  await app.register(multipart, {
    limits: {
      fileSize: config.uploads.maxFileBytes,
      files: 1,
      fields: 10,
      parts: 11,
      fieldSize: 1000,
      headerPairs: 100,
    },
  });

  app.post(
    "/api/files",
    {
      schema: {
        tags: ["files"],
        consumes: ["multipart/form-data"],
        response: { 201: fileSchema },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const part = await request.file();
      if (!part)
        throw new FormworkError("VALIDATION_FAILED", "Send one file", [
          { path: "/file", message: "missing" },
        ]);
      const mime = part.mimetype.split(";")[0]!.trim().toLowerCase();
      if (!allowed.has(mime)) {
        part.file.resume();
        throw new FormworkError("UNSUPPORTED_MEDIA_TYPE", `Files of type ${mime} are not accepted`, [
          { path: "/file", message: `allowed: ${[...allowed].join(", ")}` },
        ]);
      }
      const id = newId();
      const stored = await storage.save(id, part.file);
      try {
        if (part.file.truncated) {
          throw new FormworkError(
            "PAYLOAD_TOO_LARGE",
            `Files are limited to ${config.uploads.maxFileBytes} bytes`,
            [{ path: "/file", message: "too large" }],
          );
        }
        if (!contentMatchesType(mime, stored.head)) {
          throw new FormworkError("VALIDATION_FAILED", `The file's content is not ${mime}`, [
            { path: "/file", message: "content does not match its type" },
          ]);
        }
        const view = await insertFile(db, {
          id,
          name: safeFileName(part.filename),
          mime,
          size: stored.size,
          sha256: stored.sha256,
          storagePath: stored.storagePath,
          createdBy: user.userId,
        });
        return reply.status(201).send(view);
      } catch (error) {
        await storage.remove(stored.storagePath);
        throw error;
      }
    },
  );

  app.get<{ Params: { id: string } }>(
    "/api/files/:id",
    { schema: { tags: ["files"], params: idParamsSchema("id") } },
    async (request, reply) => {
      const user = currentUser(request);
      const file = await findFile(db, request.params.id);
      const readable =
        file.record_id === null || file.form_id === null
          ? file.created_by === user.userId
          : await canReadRecord(
              db,
              request,
              (formId) => forms.get(formId),
              file.form_id,
              file.record_id,
              file.id,
            );
      // Not FORBIDDEN: whether a file id exists is itself not to be revealed.
      if (!readable) throw new FormworkError("NOT_FOUND", "No such file");
      return reply
        .header("content-type", file.mime)
        .header("content-length", String(file.size))
        .header("content-disposition", contentDisposition(file.mime, file.name))
        .header("x-content-type-options", "nosniff")
        .header("content-security-policy", "default-src 'none'; sandbox")
        .header("cache-control", "private, max-age=3600")
        .header("etag", `"${file.sha256}"`)
        .send(storage.open(file.storage_path));
    },
  );
};
