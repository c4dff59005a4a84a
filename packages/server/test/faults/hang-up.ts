// A client that goes away mid-request: it writes a raw HTTP/1.1 request (all of it, or only its first
// bytes), optionally waits for something, then drops the connection without reading the answer.
import { connect } from "node:net";

export interface RawRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Buffer;
}

export interface HangUpOptions {
  /** How much of the request (head and body) to send, 0–1. */
  fraction: number;
  /** Runs after the bytes are written and before the connection is dropped. */
  beforeHangUp?: () => Promise<void>;
}

/** Resolves with whether any answer arrived before the hang-up (then the test missed its moment). */
export function sendThenHangUp(port: number, request: RawRequest, options: HangUpOptions): Promise<boolean> {
  const head = [
    `${request.method} ${request.path} HTTP/1.1`,
    "Host: 127.0.0.1",
    ...Object.entries(request.headers).map(([name, value]) => `${name}: ${value}`),
    `Content-Length: ${request.body.length}`,
    "",
    "",
  ].join("\r\n");
  const bytes = Buffer.concat([Buffer.from(head), request.body]);
  const sent = bytes.subarray(0, Math.floor(bytes.length * options.fraction));
  return new Promise((resolve, reject) => {
    let answered = false;
    const socket = connect(port, "127.0.0.1", () => {
      socket.write(sent, async (error) => {
        if (error) return reject(error);
        try {
          await options.beforeHangUp?.();
        } catch (failure) {
          reject(failure);
        } finally {
          socket.destroy();
          resolve(answered);
        }
      });
    });
    socket.on("data", () => {
      answered = true;
    });
    socket.on("error", reject);
  });
}

export function multipartFile(file: { name: string; type: string; bytes: Buffer }) {
  const boundary = "----formwork-fault-test";
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`;
  return {
    body: Buffer.concat([Buffer.from(head), file.bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}
