// .xlsx workbooks read with our own streaming reader over yauzl (./zip) and saxes (./xml), rather than
// exceljs's: the zip-bomb checks need the inflated byte counts, and nothing here expands ranges —
// data validations, merged cells or a <dimension> spanning the whole sheet are never looked at. Only
// the first sheet is read, row by row. Formulas are never evaluated and never kept: a formula cell
// gives its cached value (what Excel last showed). Shared strings are held (bounded by the inflated
// size limit); cells longer than the cell limit are refused.
import { cellTooLong, fileInvalid, tooManyColumns } from "./errors";
import type { CellValue, ReadLimits, SheetRow } from "./sheet-row";
import { parseXml, xmlParser } from "./xml";
import { openZip, type ZipArchive } from "./zip";

const DAY_MS = 86_400_000;
/** Excel's day 0 in the 1900 system (1899-12-30, absorbing its 1900 leap-year bug) and in the 1904 one. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** Built-in number formats that show dates or times (ECMA-376 18.8.30, with the CJK ones). */
const DATE_FORMAT_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

export function isDateFormatCode(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "");
  return /[ymdhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** Column index (0-based) of a cell reference such as "AB12". */
export function columnOfRef(ref: string): number {
  let column = 0;
  for (const ch of ref) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return column - 1;
}

interface Workbook {
  sheetPath: string;
  date1904: boolean;
}

async function locateFirstSheet(zip: ZipArchive): Promise<Workbook> {
  if (!zip.has("xl/workbook.xml")) throw fileInvalid("The file is not a readable .xlsx workbook", "NOT_XLSX");
  let firstRel: string | null = null;
  let date1904 = false;
  await parseXml(zip.read("xl/workbook.xml"), {
    open(name, attributes) {
      if (name === "sheet" && firstRel === null) {
        firstRel =
          attributes["r:id"] ?? Object.entries(attributes).find(([k]) => k.endsWith(":id"))?.[1] ?? null;
      }
      if (name === "workbookPr") date1904 = attributes.date1904 === "1" || attributes.date1904 === "true";
    },
  });
  let target: string | null = null;
  if (firstRel !== null && zip.has("xl/_rels/workbook.xml.rels")) {
    await parseXml(zip.read("xl/_rels/workbook.xml.rels"), {
      open(name, attributes) {
        if (name === "Relationship" && attributes.Id === firstRel) target = attributes.Target ?? null;
      },
    });
  }
  const resolved = target === null ? null : resolveTarget(target);
  const sheetPath = resolved && zip.has(resolved) ? resolved : "xl/worksheets/sheet1.xml";
  if (!zip.has(sheetPath)) throw fileInvalid("The workbook has no worksheet", "NOT_XLSX");
  return { sheetPath, date1904 };
}

function resolveTarget(target: string): string {
  return target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`;
}

async function readSharedStrings(zip: ZipArchive, maxCellChars: number): Promise<string[]> {
  const strings: string[] = [];
  if (!zip.has("xl/sharedStrings.xml")) return strings;
  let current: string | null = null;
  let inText = false;
  let phonetic = 0;
  await parseXml(zip.read("xl/sharedStrings.xml"), {
    open(name) {
      if (name === "si") current = "";
      else if (name === "rPh") phonetic += 1;
      else if (name === "t") inText = true;
    },
    text(text) {
      if (!inText || phonetic > 0 || current === null) return;
      current += text;
      if (current.length > maxCellChars) throw cellTooLong(0, 0, maxCellChars);
    },
    close(name) {
      if (name === "t") inText = false;
      else if (name === "rPh") phonetic -= 1;
      else if (name === "si") {
        strings.push(current ?? "");
        current = null;
      }
    },
  });
  return strings;
}

/** For each cell style index: does it show a date? */
async function readDateStyles(zip: ZipArchive): Promise<boolean[]> {
  const dates: boolean[] = [];
  if (!zip.has("xl/styles.xml")) return dates;
  const custom = new Map<number, boolean>();
  let inCellXfs = false;
  await parseXml(zip.read("xl/styles.xml"), {
    open(name, attributes) {
      if (name === "numFmt")
        custom.set(Number(attributes.numFmtId), isDateFormatCode(attributes.formatCode ?? ""));
      else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) {
        const id = Number(attributes.numFmtId ?? 0);
        dates.push(custom.get(id) ?? DATE_FORMAT_IDS.has(id));
      }
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
    },
  });
  return dates;
}

/** The rows of the workbook's first sheet that hold at least one value. */
export async function* readXlsx(
  path: string,
  limits: Pick<ReadLimits, "maxColumns" | "maxCellChars" | "maxUnzippedBytes" | "maxZipRatio">,
): AsyncGenerator<SheetRow> {
  const zip = await openZip(path, limits);
  try {
    const { sheetPath, date1904 } = await locateFirstSheet(zip);
    const shared = await readSharedStrings(zip, limits.maxCellChars);
    const dateStyles = await readDateStyles(zip);
    const epoch = date1904 ? EPOCH_1904 : EPOCH_1900;

    const ready: SheetRow[] = [];
    let rowNumber = 0;
    let cells: CellValue[] = [];
    let hasValue = false;
    let column = -1;
    let type = "n";
    let style = 0;
    let text: string | null = null;
    let collecting = false;
    let inInline = false;

    const cellValue = (raw: string): CellValue => {
      switch (type) {
        case "s": {
          const value = shared[Number(raw)];
          return value === undefined || value === "" ? null : value;
        }
        case "b":
          return raw === "1" || raw === "true";
        case "str":
        case "inlineStr":
        case "e":
          return raw === "" ? null : raw;
        case "d": {
          const date = new Date(raw);
          return Number.isNaN(date.getTime()) ? raw : date;
        }
        default: {
          if (raw.trim() === "") return null;
          const number = Number(raw);
          if (!Number.isFinite(number)) return raw;
          return dateStyles[style] ? new Date(epoch + Math.round(number * DAY_MS)) : number;
        }
      }
    };

    const parser = xmlParser({
      open(name, attributes) {
        if (name === "row") {
          rowNumber = attributes.r ? Number(attributes.r) : rowNumber + 1;
          cells = [];
          hasValue = false;
          column = -1;
        } else if (name === "c") {
          column = attributes.r ? columnOfRef(attributes.r) : column + 1;
          type = attributes.t ?? "n";
          style = Number(attributes.s ?? 0);
          text = null;
        } else if (name === "v") {
          collecting = true;
          text = "";
        } else if (name === "is") {
          inInline = true;
          text = "";
        } else if (name === "t" && inInline) {
          collecting = true;
        }
        // <f> (the formula) is never read: only its cached <v>.
      },
      text(chunk) {
        if (!collecting || text === null) return;
        text += chunk;
        if (text.length > limits.maxCellChars) throw cellTooLong(rowNumber, column, limits.maxCellChars);
      },
      close(name) {
        if (name === "v" || name === "t") collecting = false;
        else if (name === "is") inInline = false;
        else if (name === "c") {
          if (text === null) return;
          const value = cellValue(text);
          if (value === null) return;
          if (column >= limits.maxColumns) throw tooManyColumns(limits.maxColumns);
          if (typeof value === "string" && value.length > limits.maxCellChars)
            throw cellTooLong(rowNumber, column, limits.maxCellChars);
          while (cells.length < column) cells.push(null);
          cells[column] = value;
          hasValue = true;
        } else if (name === "row") {
          if (hasValue) ready.push({ number: rowNumber, cells });
        }
      },
    });
    for await (const chunk of zip.read(sheetPath)) {
      parser.write(chunk);
      while (ready.length > 0) yield ready.shift()!;
    }
    parser.end();
    while (ready.length > 0) yield ready.shift()!;
  } finally {
    zip.close();
  }
}
