// Wires the workflow runtime for one app: the flow version cache, the command path, the timer poller
// (started when the app is ready, stopped when it closes) and the records hook that starts flows.
import type { FastifyInstance } from "fastify";
import type { ServerConfig } from "../../config";
import type { Db } from "../../database";
import type { RecordEventHub } from "../records/events";
import type { PublishedForms } from "../records/published-forms";
import { FlowVersions } from "./flows";
import { WorkflowRuntime } from "./runtime";
import { TimerPoller } from "./timers";

export interface Workflow {
  flows: FlowVersions;
  runtime: WorkflowRuntime;
  timers: TimerPoller;
}

export function createWorkflow(
  app: FastifyInstance,
  db: Db,
  forms: PublishedForms,
  config: ServerConfig,
  events: RecordEventHub,
): Workflow {
  const flows = new FlowVersions();
  const runtime = new WorkflowRuntime({
    db,
    forms,
    flows,
    timeZone: config.timeZone,
    writeDeps: {
      db,
      events,
      timeZone: config.timeZone,
      loadForm: (formId, tx) => forms.get(formId, tx),
      appIdOf: (formId, tx) => forms.appIdOf(formId, tx),
    },
  });
  const timers = new TimerPoller(db, runtime, app.log, config.workflowTimers);
  if (config.workflowTimers.enabled) {
    app.addHook("onReady", async () => timers.start());
    app.addHook("onClose", async () => timers.stop());
  }
  app.decorate("workflow", { flows, runtime, timers });
  return { flows, runtime, timers };
}

declare module "fastify" {
  interface FastifyInstance {
    workflow: Workflow;
  }
}
