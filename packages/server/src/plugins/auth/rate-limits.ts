// Request rate limits per client address, per user and per API token (issue 6), answered with 429 and
// Retry-After. Counters live in @fastify/rate-limit's in-memory store of THIS process: behind a load
// balancer with N instances a client may get up to N times the limit (docs/deploy.md). The client
// address is request.ip, which only believes X-Forwarded-For from the proxies listed in
// config.trustProxy (never "everyone").
import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ServerConfig } from "../../config";
import { ThrottledError } from "./login-throttle";

type Limiter = (request: FastifyRequest) => Promise<{ isExceeded?: boolean; ttlInSeconds?: number }>;

declare module "fastify" {
  interface FastifyInstance {
    createRateLimit(options: {
      max: number;
      timeWindow: number;
      keyGenerator: (request: FastifyRequest) => string;
    }): Limiter;
  }
}

/**
 * A limiter of `max` requests per window per key (null: not limited) that throws TOO_MANY_REQUESTS with
 * the seconds to wait. Needs the store registered by apiRateLimitHooks on this instance or a parent.
 */
export function keyedLimiter(
  app: FastifyInstance,
  max: number,
  windowSeconds: number,
  key: (request: FastifyRequest) => string | null,
) {
  const limiter = app.createRateLimit({
    max,
    timeWindow: windowSeconds * 1000,
    keyGenerator: (request) => key(request) ?? "",
  });
  return async (request: FastifyRequest): Promise<void> => {
    if (key(request) === null) return;
    const result = await limiter(request);
    if (result.isExceeded)
      throw new ThrottledError(Math.max(1, result.ttlInSeconds ?? windowSeconds), "requests");
  };
}

/**
 * The limits of every API request: per client address before authentication (so guessing tokens or
 * cookies is counted too), per user and per token after it.
 */
export async function apiRateLimitHooks(app: FastifyInstance, config: ServerConfig["rateLimits"]) {
  await app.register(rateLimit, { global: false });
  const limit = (max: number, windowSeconds: number, key: (request: FastifyRequest) => string | null) =>
    keyedLimiter(app, max, windowSeconds, key);
  const perIp = limit(config.perIp, config.windowSeconds, (r) => `ip:${r.ip}`);
  const perUser = limit(config.perUser, config.windowSeconds, (r) =>
    r.principal ? `user:${r.principal.userId}` : null,
  );
  const perToken = limit(config.perToken, config.windowSeconds, (r) =>
    r.principal?.via === "token" ? `token:${r.principal.credentialId}` : null,
  );
  return {
    beforeAuth: async (request: FastifyRequest) => {
      if (config.enabled) await perIp(request);
    },
    afterAuth: async (request: FastifyRequest) => {
      if (!config.enabled) return;
      await perUser(request);
      await perToken(request);
    },
  };
}
