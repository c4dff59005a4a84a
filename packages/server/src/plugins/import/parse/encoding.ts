// Text encodings of CSV files. Excel saves "CSV UTF-8" with a byte order mark, and plain "CSV" in the
// system code page — GBK on Chinese Windows. We read GB18030 (a superset of GBK and GB2312) whenever
// the bytes are not valid UTF-8; a file that claims UTF-8 (by BOM or by the user's choice) and then
// holds invalid bytes is refused with a pointer at the encoding instead of importing mojibake.
import { TextDecoder } from "node:util";
import { fileInvalid } from "./errors";
import type { TextEncoding } from "./sheet-row";

export const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** The encoding the first bytes of a file imply: UTF-8 when they are valid UTF-8 (or start with its BOM). */
export function detectEncoding(head: Uint8Array): TextEncoding {
  if (startsWithBom(head)) return "utf-8";
  try {
    // stream: true — a character cut at the end of the sample is not an error.
    new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
    return "utf-8";
  } catch {
    return "gb18030";
  }
}

export function startsWithBom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** Decodes chunks in order; the BOM is dropped; invalid UTF-8 is an error, never U+FFFD. */
export class ChunkDecoder {
  private readonly utf8?: TextDecoder;
  // Node's (ICU) decoder, not iconv-lite's: iconv-lite's gb18030 decoder dropped the last byte of a
  // chunk that ended three bytes into a four-byte sequence (a lost line break, or a lost character).
  private readonly gb?: TextDecoder;
  /** The first bytes, held until there are three to tell a BOM from text. */
  private head: Buffer | null = Buffer.alloc(0);

  constructor(readonly encoding: TextEncoding) {
    if (encoding === "utf-8") this.utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
    else this.gb = new TextDecoder("gb18030", { ignoreBOM: true });
  }

  write(chunk: Buffer): string {
    let bytes = chunk;
    if (this.head !== null) {
      bytes = Buffer.concat([this.head, chunk]);
      if (bytes.length < 3) {
        this.head = bytes;
        return "";
      }
      this.head = null;
      if (startsWithBom(bytes)) bytes = bytes.subarray(3);
    }
    if (this.gb) return this.gb.decode(bytes, { stream: true });
    try {
      return this.utf8!.decode(bytes, { stream: true });
    } catch {
      throw notUtf8();
    }
  }

  end(): string {
    if (this.head !== null && this.head.length > 0) {
      const rest = this.head;
      this.head = null;
      return this.write(rest) + this.end();
    }
    if (this.gb) return this.gb.decode();
    try {
      return this.utf8!.decode();
    } catch {
      throw notUtf8();
    }
  }
}

function notUtf8() {
  return fileInvalid(
    "The file is not valid UTF-8; it was probably saved as GBK (Excel's plain CSV on Chinese Windows): choose GBK",
    "NOT_UTF8",
    "/encoding",
  );
}
