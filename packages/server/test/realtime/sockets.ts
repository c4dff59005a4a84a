// socket.io clients for the realtime tests: connect with a token or a session cookie, collect events,
// and wait for them without fixed sleeps.
import type { RealtimeAck, RealtimeServerEvents } from "@formwork/schema";
import { io, type Socket } from "socket.io-client";
import { until } from "../faults/wait";

export type TestSocket = Socket<RealtimeServerEvents>;

export interface Credentials {
  token?: string;
  cookie?: string;
  origin?: string;
  reconnection?: boolean;
}

export function openSocket(base: string, credentials: Credentials = {}): TestSocket {
  const headers: Record<string, string> = {};
  if (credentials.cookie) headers.cookie = credentials.cookie;
  if (credentials.origin) headers.origin = credentials.origin;
  return io(base, {
    path: "/socket.io",
    transports: ["websocket"],
    forceNew: true,
    reconnection: credentials.reconnection ?? false,
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
    extraHeaders: headers,
    ...(credentials.token ? { auth: { token: credentials.token } } : {}),
  }) as TestSocket;
}

/** Resolves once connected; rejects with the server's error code when the handshake is refused. */
export function connected(socket: TestSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket.connected) return resolve();
    socket.once("connect", () => resolve());
    socket.once("connect_error", (error: Error & { data?: { code?: string } }) =>
      reject(new Error(error.data?.code ?? error.message)),
    );
  });
}

export async function connect(base: string, credentials: Credentials): Promise<TestSocket> {
  const socket = openSocket(base, credentials);
  await connected(socket);
  return socket;
}

/** Why the handshake was refused (the server's code), or "connected". */
export async function refusal(base: string, credentials: Credentials): Promise<string> {
  const socket = openSocket(base, credentials);
  try {
    await connected(socket);
    return "connected";
  } catch (error) {
    return (error as Error).message;
  } finally {
    socket.close();
  }
}

export function request(socket: TestSocket, event: "watch-form" | "open-designer", formId: string) {
  return new Promise<RealtimeAck>((resolve) => {
    (socket as unknown as Socket).emit(event, formId, (answer: RealtimeAck) => resolve(answer));
  });
}

/** Every payload of `event` the socket receives from now on. */
export function collect<E extends keyof RealtimeServerEvents>(
  socket: TestSocket,
  event: E,
): Parameters<RealtimeServerEvents[E]>[0][] {
  const seen: Parameters<RealtimeServerEvents[E]>[0][] = [];
  (socket as unknown as Socket).on(event as string, (payload: Parameters<RealtimeServerEvents[E]>[0]) => {
    seen.push(payload);
  });
  return seen;
}

export async function waitFor<T>(what: string, seen: T[], match: (item: T) => boolean, timeoutMs = 30_000) {
  await until(what, () => seen.some(match), timeoutMs);
  return seen.find(match)!;
}

/** Resolves when the server ends the socket (reason "io server disconnect"). */
export function serverDisconnect(socket: TestSocket): Promise<string> {
  return new Promise((resolve) => {
    if (!socket.connected) return resolve("already disconnected");
    socket.once("disconnect", (reason) => resolve(reason));
  });
}

/**
 * A round trip on this socket: every packet the server wrote to it before answering has arrived when
 * this resolves (one ordered connection), so "not received by now" means "never sent".
 */
export async function drained(socket: TestSocket, formId: string): Promise<void> {
  await request(socket, "watch-form", formId);
}
