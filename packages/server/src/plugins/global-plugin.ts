// A plugin whose hooks, decorators and handlers apply to the whole app rather than to its own
// encapsulation context (what `fastify-plugin` does, without the dependency).
import type { FastifyPluginAsync } from "fastify";

export function globalPlugin<Options extends Record<string, unknown>>(
  plugin: FastifyPluginAsync<Options>,
): FastifyPluginAsync<Options> {
  Object.assign(plugin, { [Symbol.for("skip-override")]: true });
  return plugin;
}
