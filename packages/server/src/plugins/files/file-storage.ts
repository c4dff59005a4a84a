// Uploaded bytes on disk under `<dataDir>/files/`: streamed to a temporary name while hashed, measured
// and sniffed, then renamed into place. Paths are generated from ids, never from client text.
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream, type ReadStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { SNIFF_BYTES } from "./sniff";

export interface StoredBytes {
  storagePath: string;
  size: number;
  sha256: string;
  head: Uint8Array;
}

export class FileStorage {
  constructor(private readonly root: string) {}

  /** Writes the stream under a path derived from `id`; on any failure nothing is left behind. */
  async save(id: string, stream: Readable): Promise<StoredBytes> {
    const storagePath = join(id.slice(0, 2), id.slice(2, 4), id);
    const finalPath = join(this.root, storagePath);
    const tempPath = `${finalPath}.partial`;
    await mkdir(join(this.root, id.slice(0, 2), id.slice(2, 4)), { recursive: true });
    const hash = createHash("sha256");
    let size = 0;
    let head = Buffer.alloc(0);
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hash.update(chunk);
        size += chunk.length;
        if (head.length < SNIFF_BYTES)
          head = Buffer.concat([head, chunk.subarray(0, SNIFF_BYTES - head.length)]);
        callback(null, chunk);
      },
    });
    try {
      await pipeline(stream, meter, createWriteStream(tempPath, { flags: "wx" }));
      await rename(tempPath, finalPath);
    } catch (error) {
      await rm(tempPath, { force: true });
      throw error;
    }
    return { storagePath, size, sha256: hash.digest("hex"), head };
  }

  open(storagePath: string): ReadStream {
    return createReadStream(this.resolve(storagePath));
  }

  /** The file's place on disk, for readers that need random access (zip central directories). */
  pathOf(storagePath: string): string {
    return this.resolve(storagePath);
  }

  async remove(storagePath: string): Promise<void> {
    await rm(this.resolve(storagePath), { force: true });
  }

  private resolve(storagePath: string): string {
    if (storagePath.includes("..")) throw new Error(`refusing storage path ${storagePath}`);
    return join(this.root, storagePath);
  }
}
