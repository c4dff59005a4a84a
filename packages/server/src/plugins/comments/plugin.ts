// Comments on records (issue 7): GET/POST /api/forms/:form/records/:id/comments, PATCH/DELETE
// /api/comments/:id. Readable and writable by whoever may view the record; edited by its author only,
// deleted by its author or an administrator (system or the app's). Mentions are ids chosen in a member
// picker; each mentioned member gets a notification in the comment's transaction (on an edit, only the
// newly mentioned ones).
import {
  type CommentInput,
  type CommentView,
  deleteComment,
  getComment,
  insertComment,
  insertNotifications,
  inTransaction,
  listComments,
  type PublishedForm,
  updateComment,
} from "@formwork/db";
import { FormworkError } from "@formwork/schema";
import type { FastifyPluginAsync } from "fastify";
import type { Db } from "../../database";
import { currentUser } from "../auth/authenticate";
import type { Principal } from "../auth/principal";
import { canManageForm } from "../permissions/plugin";
import type { PublishedForms } from "../records/published-forms";
import { assertCanComment, assertCanViewRecord, checkMentions, type MentionTarget } from "./access";
import { commentBody, commentListSchema, commentParams, commentSchema, recordParams } from "./schemas";

export interface CommentsPluginOptions {
  db: Db;
  forms: PublishedForms;
}

type RecordRoute = { Params: { form: string; id: string } };
type CommentRoute = { Params: { id: string } };
type Body = { text: string; mentions?: string[] };

export const commentsPlugin: FastifyPluginAsync<CommentsPluginOptions> = async (app, { db, forms }) => {
  const inputOf = (body: Body): Required<CommentInput> => ({
    text: body.text,
    mentions: body.mentions ?? [],
  });

  /** The comment and its form, when the caller may view its record (NOT_FOUND otherwise). */
  const visibleComment = async (principal: Principal, id: string) => {
    const comment = await getComment(db, id);
    if (!comment) throw new FormworkError("NOT_FOUND", "No such comment");
    const form = await forms.get(comment.formId);
    await assertCanViewRecord(db, principal, form, comment.recordId);
    return { comment, form };
  };

  /** Notifies the members newly mentioned (never the writer), in the caller's transaction. */
  const notifyMentions = async (
    tx: Db,
    form: PublishedForm,
    comment: CommentView,
    principal: Principal,
    targets: readonly MentionTarget[],
  ) => {
    if (targets.length === 0) return;
    const appId = await forms.appIdOf(form.id, tx);
    const link = `/apps/${appId}/forms/${form.id}/data?record=${comment.recordId}`;
    await insertNotifications(
      tx,
      targets
        .filter((t) => t.userId !== principal.userId)
        .map((t) => ({
          userId: t.userId,
          kind: "mention" as const,
          actorId: principal.userId,
          title: t.title,
          payload: {
            formId: form.id,
            recordId: comment.recordId,
            commentId: comment.id,
            excerpt: comment.text.slice(0, 200),
          },
          link,
        })),
    );
  };

  app.get<RecordRoute>(
    "/api/forms/:form/records/:id/comments",
    { schema: { tags: ["comments"], params: recordParams, response: { 200: commentListSchema } } },
    async (request) => {
      const principal = currentUser(request);
      const form = await forms.get(request.params.form);
      await assertCanViewRecord(db, principal, form, request.params.id);
      return { items: await listComments(db, form.id, request.params.id) };
    },
  );

  app.post<RecordRoute & { Body: Body }>(
    "/api/forms/:form/records/:id/comments",
    {
      schema: {
        tags: ["comments"],
        params: recordParams,
        body: commentBody,
        response: { 201: commentSchema },
      },
    },
    async (request, reply) => {
      const principal = currentUser(request);
      const form = await forms.get(request.params.form);
      await assertCanComment(db, principal, form, request.params.id);
      const input = inputOf(request.body);
      const comment = await inTransaction(db, async (tx) => {
        const targets = await checkMentions(tx, form, request.params.id, input.mentions);
        const created = await insertComment(
          tx,
          { formId: form.id, recordId: request.params.id, authorId: principal.userId },
          input,
        );
        await notifyMentions(tx, form, created, principal, targets);
        return created;
      });
      return reply.status(201).send(comment);
    },
  );

  app.patch<CommentRoute & { Body: Body }>(
    "/api/comments/:id",
    {
      schema: {
        tags: ["comments"],
        params: commentParams,
        body: commentBody,
        response: { 200: commentSchema },
      },
    },
    async (request) => {
      const principal = currentUser(request);
      const { comment, form } = await visibleComment(principal, request.params.id);
      if (comment.author?.id !== principal.userId) {
        throw new FormworkError("FORBIDDEN", "Only its author edits a comment");
      }
      const input = inputOf(request.body);
      const before = new Set(comment.mentions.map((m) => m.id));
      return inTransaction(db, async (tx) => {
        // Every mention is re-checked (access may have changed); only the new ones are notified.
        const targets = await checkMentions(tx, form, comment.recordId, input.mentions);
        const updated = await updateComment(tx, comment.id, input);
        const added = targets.filter((t) => !before.has(t.userId));
        await notifyMentions(tx, form, updated, principal, added);
        return updated;
      });
    },
  );

  app.delete<CommentRoute>(
    "/api/comments/:id",
    { schema: { tags: ["comments"], params: commentParams } },
    async (request, reply) => {
      const principal = currentUser(request);
      const { comment, form } = await visibleComment(principal, request.params.id);
      const own = comment.author?.id === principal.userId;
      if (!own && !(await canManageForm(db, forms, principal, form.id))) {
        throw new FormworkError("FORBIDDEN", "Only its author or an administrator deletes a comment");
      }
      await deleteComment(db, comment.id);
      return reply.status(204).send();
    },
  );
};
