// The zip layer of .xlsx files, with zip-bomb defences on both sides of the inflater. Before anything
// is inflated, the central directory's sizes are checked (each part and their sum within
// maxUnzippedBytes, compression ratio within maxZipRatio). While a part is inflated its bytes are
// counted: yauzl stops a part that inflates beyond its declared size, and we stop one that passes the
// limits even if it lied about its size — so at most maxUnzippedBytes are ever produced, one chunk at
// a time.
import type { Readable } from "node:stream";
import yauzl from "yauzl";
import { fileInvalid, tooLarge } from "./errors";
import type { ReadLimits } from "./sheet-row";

/** Below this many inflated bytes a high ratio is harmless (tiny XML parts compress very well). */
const RATIO_FLOOR_BYTES = 1024 * 1024;
const MAX_ENTRIES = 10_000;

export interface ZipArchive {
  names(): string[];
  has(name: string): boolean;
  /** The part's inflated bytes, chunk by chunk, within the limits. */
  read(name: string): AsyncGenerator<Buffer>;
  close(): void;
}

type ZipLimits = Pick<ReadLimits, "maxUnzippedBytes" | "maxZipRatio">;

function zipBomb(detail: string): Error {
  return tooLarge(`The workbook inflates beyond the import limits (${detail})`, "ZIP_BOMB");
}

function notAZip(): Error {
  return fileInvalid("The file is not a readable .xlsx workbook", "NOT_XLSX");
}

export async function openZip(path: string, limits: ZipLimits): Promise<ZipArchive> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true }, (error, file) =>
      error || !file ? reject(notAZip()) : resolve(file),
    ),
  );
  try {
    if (zip.entryCount > MAX_ENTRIES) throw zipBomb(`${zip.entryCount} parts`);
    const entries = await new Promise<Map<string, yauzl.Entry>>((resolve, reject) => {
      const found = new Map<string, yauzl.Entry>();
      let declared = 0;
      zip.on("entry", (entry: yauzl.Entry) => {
        declared += entry.uncompressedSize;
        if (entry.uncompressedSize > limits.maxUnzippedBytes || declared > limits.maxUnzippedBytes) {
          return reject(zipBomb(`${declared} bytes declared`));
        }
        if (tooCompressed(entry.uncompressedSize, entry.compressedSize, limits)) {
          return reject(zipBomb(`${entry.fileName} compressed ${ratioOf(entry)}:1`));
        }
        found.set(entry.fileName, entry);
        zip.readEntry();
      });
      zip.on("end", () => resolve(found));
      zip.on("error", () => reject(notAZip()));
      zip.readEntry();
    });
    let inflatedTotal = 0;
    return {
      names: () => [...entries.keys()],
      has: (name) => entries.has(name),
      async *read(name) {
        const entry = entries.get(name);
        if (!entry) throw notAZip();
        const stream = await new Promise<Readable>((resolve, reject) =>
          zip.openReadStream(entry, (error, s) => (error || !s ? reject(notAZip()) : resolve(s))),
        );
        let inflated = 0;
        try {
          for await (const chunk of stream as AsyncIterable<Buffer>) {
            inflated += chunk.length;
            inflatedTotal += chunk.length;
            if (inflatedTotal > limits.maxUnzippedBytes)
              throw zipBomb(`over ${limits.maxUnzippedBytes} bytes`);
            if (tooCompressed(inflated, entry.compressedSize, limits)) throw zipBomb(`${name} over ratio`);
            yield chunk;
          }
        } catch (error) {
          if (error instanceof Error && /too many bytes|too few bytes|invalid/i.test(error.message)) {
            throw zipBomb(`${name} inflates to more than it declares`);
          }
          throw error;
        } finally {
          stream.destroy();
        }
      },
      close: () => zip.close(),
    };
  } catch (error) {
    zip.close();
    throw error;
  }
}

function ratioOf(entry: yauzl.Entry): number {
  return Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize));
}

function tooCompressed(inflated: number, compressed: number, limits: ZipLimits): boolean {
  return inflated > RATIO_FLOOR_BYTES && inflated / Math.max(1, compressed) > limits.maxZipRatio;
}
