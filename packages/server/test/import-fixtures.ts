// Files for import tests: a tiny zip writer (so a test can build .xlsx parts by hand, including
// hostile ones: a bomb, a part that lies about its size, a validation over the whole sheet), sheets
// from rows, and uploads through POST /api/files.
import { deflateRawSync } from "node:zlib";
import type { FormDefinition } from "@formwork/schema";
import type { TestApp } from "./harness";
import { upload } from "./uploads";

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export interface ZipPart {
  name: string;
  data: Buffer;
  /** Lie in the headers about the inflated size (a bomb that claims to be small). */
  declaredSize?: number;
}

export function zip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, "utf8");
    const compressed = deflateRawSync(part.data);
    const crc = crc32(part.data);
    const size = part.declaredSize ?? part.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const escapeXml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const columnName = (index: number) => {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
};

/** A cell as sheet XML: text inline, numbers as numbers, `{f, v}` a formula with its cached value. */
export type XmlCell = string | number | null | { f: string; v?: string | number };

export function sheetXml(rows: XmlCell[][], extra = { before: "", after: "" }): string {
  const body = rows
    .map((cells, r) => {
      const xml = cells
        .map((cell, c) => {
          const ref = `${columnName(c)}${r + 1}`;
          if (cell === null) return "";
          if (typeof cell === "number") return `<c r="${ref}"><v>${cell}</v></c>`;
          if (typeof cell === "string")
            return `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(cell)}</t></is></c>`;
          const type = typeof cell.v === "string" ? ' t="str"' : "";
          const value = cell.v === undefined ? "" : `<v>${escapeXml(String(cell.v))}</v>`;
          return `<c r="${ref}"${type}><f>${escapeXml(cell.f)}</f>${value}</c>`;
        })
        .join("");
      return `<row r="${r + 1}">${xml}</row>`;
    })
    .join("");
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${extra.before}<sheetData>${body}</sheetData>${extra.after}</worksheet>`;
}

export function workbookParts(sheet: string | Buffer, declaredSize?: number): ZipPart[] {
  return [
    {
      name: "xl/workbook.xml",
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
    },
    {
      name: "xl/worksheets/sheet1.xml",
      data: Buffer.isBuffer(sheet) ? sheet : Buffer.from(sheet),
      ...(declaredSize !== undefined ? { declaredSize } : {}),
    },
  ];
}

export const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Uploads `bytes` as the user holding `token`; returns the file id. */
export async function uploadSheet(t: TestApp, token: string, name: string, type: string, bytes: Buffer) {
  const response = await upload(t, token, { name, type, bytes });
  if (response.statusCode !== 201) throw new Error(`upload: ${response.body}`);
  return response.json<{ id: string }>().id;
}

/** The form most import tests fill: required text, a unique key, a number with a formula on it, options, a date. */
export const PEOPLE: FormDefinition = {
  key: "people",
  name: { "zh-CN": "人员", en: "People" },
  fields: [
    { id: "no", type: "serial", label: "No", pattern: [{ text: "P-" }, { counter: 4 }] },
    { id: "name", type: "text", label: { "zh-CN": "姓名", en: "Name" }, required: true },
    { id: "code", type: "text", label: { "zh-CN": "工号", en: "Code" }, unique: true },
    { id: "amount", type: "number", label: { "zh-CN": "金额", en: "Amount" }, min: 0 },
    { id: "double", type: "number", label: "Double", formula: "amount * 2" },
    {
      id: "region",
      type: "select",
      label: { "zh-CN": "区域", en: "Region" },
      options: [
        { value: "n", label: { "zh-CN": "北区", en: "North" } },
        { value: "s", label: { "zh-CN": "南区", en: "South" } },
      ],
    },
    { id: "day", type: "date", label: { "zh-CN": "日期", en: "Day" } },
  ],
};
