// CSV and text-encoding parsing: any table written as Excel writes CSV (the export's own line writer),
// in UTF-8 with or without a BOM or in GB18030, cut into chunks anywhere (even inside a character),
// reads back to the same cells; detection picks UTF-8 for UTF-8 and GBK for Chinese GBK text; a GBK
// file read as UTF-8 is refused, never turned into mojibake; a 10 MB cell is refused without buffering it.
import fc from "fast-check";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { csvLine } from "../../aggregate/export/csv";
import { readCsv } from "./csv";
import { detectEncoding } from "./encoding";
import type { SheetRow, TextEncoding } from "./sheet-row";

const LIMITS = { maxCellChars: 32_767 };

async function* chunked(bytes: Buffer, cuts: number[]): AsyncGenerator<Buffer> {
  let at = 0;
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
    if (cut <= at || cut >= bytes.length) continue;
    yield bytes.subarray(at, cut);
    at = cut;
  }
  yield bytes.subarray(at);
}

async function readAll(bytes: Buffer, encoding: TextEncoding, cuts: number[] = []): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  for await (const row of readCsv(chunked(bytes, cuts), encoding, LIMITS)) rows.push(row);
  return rows;
}

function encode(text: string, encoding: TextEncoding, bom: boolean): Buffer {
  const body = encoding === "utf-8" ? Buffer.from(text, "utf8") : iconv.encode(text, "gb18030");
  return bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
}

// Cells without lone surrogates (no encoding can carry them) and not all blank per row.
const cell = fc.string({
  unit: fc.constantFrom("a", "中", "文", ",", '"', "\n", "\r\n", " ", "é", "😀", "'", "="),
});
const table = fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 });

describe("CSV reading", () => {
  it("reads back any table in UTF-8 (BOM or not) or GB18030, however the bytes are chunked", async () => {
    await fc.assert(
      fc.asyncProperty(
        table,
        fc.constantFrom<TextEncoding>("utf-8", "gb18030"),
        fc.boolean(),
        fc.array(fc.nat(400), { maxLength: 6 }),
        async (rows, encoding, bom, cuts) => {
          const text = rows.map((r) => csvLine(r)).join("");
          const bytes = encode(text, encoding, bom && encoding === "utf-8");
          const read = await readAll(bytes, encoding, cuts);
          expect(read.map((r) => r.cells.map((c) => c ?? ""))).toEqual(rows);
          expect(read.map((r) => r.number)).toEqual(rows.map((_, i) => i + 1));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("reads a blank last line whose CRLF the chunks split (a lone CR is not a cell)", async () => {
    const text = `${csvLine(["a"])}${csvLine([""])}`;
    const cut = text.lastIndexOf("\n");
    const read = await readAll(encode(text, "utf-8", false), "utf-8", [cut]);
    expect(read.map((r) => r.cells)).toEqual([["a"], [null]]);
  });

  it("reads GB18030 cut inside a four-byte character at every offset (iconv-lite lost a byte there)", async () => {
    const rows = [['a😀"b'], [""], ["中文"], [""]];
    const bytes = encode(rows.map((r) => csvLine(r)).join(""), "gb18030", false);
    for (let cut = 1; cut < bytes.length; cut++) {
      const read = await readAll(bytes, "gb18030", [cut]);
      expect(read.map((r) => r.cells.map((c) => c ?? ""))).toEqual(rows);
    }
  });

  it("detects UTF-8 for any UTF-8 text and GBK for Chinese text saved as GBK", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), fc.boolean(), (text, bom) => {
        expect(detectEncoding(encode(text, "utf-8", bom))).toBe("utf-8");
      }),
      { numRuns: 500 },
    );
    const gbk = iconv.encode("姓名,部门,金额\r\n张三,销售部,12.5\r\n", "gbk");
    expect(detectEncoding(gbk)).toBe("gb18030");
  });

  it("decodes GBK bytes read as GB18030 exactly", async () => {
    const gbk = iconv.encode("姓名,备注\r\n张三,“引号”与，全角\r\n", "gbk");
    const rows = await readAll(gbk, "gb18030", [1, 2, 3, 7]);
    expect(rows.map((r) => r.cells)).toEqual([
      ["姓名", "备注"],
      ["张三", "“引号”与，全角"],
    ]);
  });

  it("refuses a GBK file read as UTF-8 with a pointer at the encoding", async () => {
    const gbk = iconv.encode("姓名\r\n张三\r\n", "gbk");
    await expect(readAll(gbk, "utf-8")).rejects.toMatchObject({
      code: "IMPORT_FILE_INVALID",
      details: [{ path: "/encoding", code: "NOT_UTF8" }],
    });
  });

  it("refuses a 10 MB cell without holding the file", async () => {
    const big = Buffer.concat([
      Buffer.from("a,b\r\n1,"),
      Buffer.alloc(10 * 1024 * 1024, 0x78),
      Buffer.from("\r\n"),
    ]);
    await expect(readAll(big, "utf-8", [65536, 131072])).rejects.toMatchObject({
      code: "IMPORT_TOO_LARGE",
      details: [{ path: "/fileId", code: "CELL_TOO_LONG" }],
    });
    const long = Buffer.from(`a\r\n${"y".repeat(40_000)}\r\n`);
    await expect(readAll(long, "utf-8")).rejects.toMatchObject({
      details: [{ code: "CELL_TOO_LONG" }],
    });
  });
});
