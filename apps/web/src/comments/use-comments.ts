import type { CommentInput } from "@formwork/client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/client";

const commentKeys = {
  record: (formId: string, recordId: string) => ["comments", formId, recordId] as const,
};

export function useComments(formId: string, recordId: string) {
  return useQuery({
    queryKey: commentKeys.record(formId, recordId),
    queryFn: () => api.comments.list(formId, recordId),
  });
}

/** Create, edit and delete; each refetches the record's comments. */
export function useCommentWrites(formId: string, recordId: string) {
  const client = useQueryClient();
  const onSuccess = () => client.invalidateQueries({ queryKey: commentKeys.record(formId, recordId) });
  return {
    create: useMutation({
      mutationFn: (input: CommentInput) => api.comments.create(formId, recordId, input),
      onSuccess,
    }),
    update: useMutation({
      mutationFn: ({ id, input }: { id: string; input: CommentInput }) => api.comments.update(id, input),
      onSuccess,
    }),
    remove: useMutation({ mutationFn: (id: string) => api.comments.remove(id), onSuccess }),
  };
}
