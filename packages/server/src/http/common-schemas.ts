// Schema pieces shared by several features' routes.

export const uuidSchema = {
  type: "string",
  pattern: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
} as const;

export function idParamsSchema<const Name extends string>(...names: Name[]) {
  return {
    type: "object",
    required: names,
    properties: Object.fromEntries(names.map((name) => [name, uuidSchema])) as Record<
      Name,
      typeof uuidSchema
    >,
  } as const;
}

export const errorResponseSchema = {
  type: "object",
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string" },
        message: { type: "string" },
        details: {
          type: "array",
          items: {
            type: "object",
            properties: { path: { type: "string" }, message: { type: "string" }, code: { type: "string" } },
          },
        },
      },
    },
  },
} as const;
