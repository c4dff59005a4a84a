// CSV through csv-parse, streamed: bytes are decoded chunk by chunk (./encoding), parsed into records
// as they come, and handed on one at a time, so memory holds a chunk, never the file. A record longer
// than MAX_RECORD_CHARS stops the parse (a 10 MB cell is refused, not buffered whole).
import { Readable } from "node:stream";
import { CsvError, parse } from "csv-parse";
import { ChunkDecoder } from "./encoding";
import { cellTooLong, fileInvalid, tooLarge } from "./errors";
import type { ReadLimits, SheetRow, TextEncoding } from "./sheet-row";

/** Longest record (all its cells) the parser buffers, in characters. */
export const MAX_RECORD_CHARS = 4 * 1024 * 1024;

async function* decoded(source: AsyncIterable<Buffer>, decoder: ChunkDecoder): AsyncGenerator<string> {
  for await (const chunk of source) {
    const text = decoder.write(chunk);
    if (text.length > 0) yield text;
  }
  const rest = decoder.end();
  if (rest.length > 0) yield rest;
}

/** The rows of a CSV file (blank lines included as empty rows, so numbers match the file's lines). */
export async function* readCsv(
  source: AsyncIterable<Buffer>,
  encoding: TextEncoding,
  limits: Pick<ReadLimits, "maxCellChars">,
): AsyncGenerator<SheetRow> {
  const text = Readable.from(decoded(source, new ChunkDecoder(encoding)));
  const parser = parse({
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    max_record_size: Math.max(MAX_RECORD_CHARS, limits.maxCellChars + 1),
  });
  text.on("error", (error) => parser.destroy(error));
  text.pipe(parser);
  let number = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      number += 1;
      record.forEach((cell, column) => {
        if (cell.length > limits.maxCellChars) throw cellTooLong(number, column, limits.maxCellChars);
      });
      yield { number, cells: record.map((cell) => (cell === "" ? null : cell)) };
    }
  } catch (error) {
    if (error instanceof CsvError) {
      if (error.code === "CSV_MAX_RECORD_SIZE") {
        throw tooLarge(`Row ${number + 1} holds more than ${MAX_RECORD_CHARS} characters`, "CELL_TOO_LONG");
      }
      throw fileInvalid(`Row ${number + 1} is not valid CSV: ${error.message}`, "CSV_SYNTAX");
    }
    throw error;
  } finally {
    text.destroy();
    parser.destroy();
  }
}
