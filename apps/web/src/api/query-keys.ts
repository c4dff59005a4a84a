// Query keys in one place so a mutation invalidates exactly what it changed.
export const queryKeys = {
  session: ["session"] as const,
  apps: ["apps"] as const,
  app: (appId: string) => ["apps", appId] as const,
  form: (formId: string) => ["forms", formId] as const,
};
