// What the server did with requests whose clients are gone. A dropped client gets no answer, and
// Fastify does not even write one to a closed socket, so the status seen from outside says nothing;
// Fastify's handler tracing channel tells whether the route handler ran and how it ended.
import { tracingChannel } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";

interface HandlerStore {
  request: { raw: IncomingMessage };
  reply: { statusCode: number };
  error?: unknown;
}

export interface HandlerOutcome {
  started: boolean;
  /** The status of the reply the handler ended with, once it has; only meaningful without `error`. */
  status: number | null;
  /** What the handler threw, before the app's error handler turned it into an answer. */
  error?: unknown;
}

export class RequestOutcomes {
  private readonly outcomes = new WeakMap<IncomingMessage, HandlerOutcome>();
  private readonly channel = tracingChannel<unknown, HandlerStore>("fastify.request.handler");
  private readonly handlers = {
    start: (store: HandlerStore) => {
      this.outcomes.set(store.request.raw, { started: true, status: null });
    },
    asyncEnd: (store: HandlerStore) => this.ended(store),
    error: (store: HandlerStore) => this.ended(store),
    // The synchronous part of an async handler returning says nothing about its outcome.
    end: () => {},
    asyncStart: () => {},
  };

  constructor() {
    this.channel.subscribe(this.handlers);
  }

  of(request: IncomingMessage): HandlerOutcome {
    return this.outcomes.get(request) ?? { started: false, status: null };
  }

  close(): void {
    this.channel.unsubscribe(this.handlers);
  }

  private ended(store: HandlerStore): void {
    this.outcomes.set(store.request.raw, {
      started: true,
      status: store.reply.statusCode,
      ...("error" in store ? { error: store.error } : {}),
    });
  }
}
