// Wires automations into one app: the runner listens on the record events hub, the poller runs schedule
// and date triggers while the app is up.
import type { FastifyInstance } from "fastify";
import type { ServerClock } from "../../clock";
import type { ServerConfig } from "../../config";
import type { Db } from "../../database";
import type { RecordEventHub } from "../records/events";
import type { PublishedForms } from "../records/published-forms";
import type { WriteDeps } from "../records/write-path";
import { AutomationPoller } from "./poller";
import { AutomationRunner } from "./runner";

export interface Automations {
  runner: AutomationRunner;
  poller: AutomationPoller;
}

export function createAutomations(
  app: FastifyInstance,
  db: Db,
  forms: PublishedForms,
  events: RecordEventHub,
  config: ServerConfig,
  clock: ServerClock,
  recordFlows?: WriteDeps["recordFlows"],
): Automations {
  const writeDeps: WriteDeps = {
    db,
    events,
    // Records the actions create start their form's flow, as any other create does.
    ...(recordFlows ? { recordFlows } : {}),
    timeZone: config.timeZone,
    loadForm: (formId, tx) => forms.get(formId, tx),
    appIdOf: (formId, tx) => forms.appIdOf(formId, tx),
  };
  const runner = new AutomationRunner({
    db,
    forms,
    events,
    writeDeps,
    timeZone: config.timeZone,
    log: app.log,
    clock,
  });
  runner.install();
  const poller = new AutomationPoller(
    db,
    events,
    runner,
    app.log,
    config.automations,
    config.timeZone,
    clock,
  );
  if (config.automations.enabled) {
    app.addHook("onReady", async () => poller.start());
    app.addHook("onClose", async () => poller.stop());
  }
  app.decorate("automations", { runner, poller });
  return { runner, poller };
}

declare module "fastify" {
  interface FastifyInstance {
    automations: Automations;
  }
}
