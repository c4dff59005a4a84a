// Streaming XML over inflated zip parts with saxes: events are pushed while the bytes arrive, so a
// sheet of any length is read in constant memory. Namespace prefixes are dropped from tag names
// (some writers use <x:row>).
import { TextDecoder } from "node:util";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { fileInvalid } from "./errors";

export interface XmlHandlers {
  open?(name: string, attributes: Record<string, string>): void;
  text?(text: string): void;
  close?(name: string): void;
}

const local = (name: string) => name.slice(name.indexOf(":") + 1);

export function xmlParser(handlers: XmlHandlers): { write(chunk: Buffer): void; end(): void } {
  const parser = new SaxesParser({ xmlns: false });
  const decoder = new TextDecoder("utf-8");
  parser.on("error", (error) => {
    throw fileInvalid(`The workbook holds malformed XML: ${error.message}`, "NOT_XLSX");
  });
  if (handlers.open) {
    const open = handlers.open;
    parser.on("opentag", (tag: SaxesTagPlain) => open(local(tag.name), tag.attributes));
  }
  if (handlers.text) {
    const text = handlers.text;
    parser.on("text", text);
    parser.on("cdata", text);
  }
  if (handlers.close) {
    const close = handlers.close;
    parser.on("closetag", (tag: SaxesTagPlain) => close(local(tag.name)));
  }
  return {
    write: (chunk) => void parser.write(decoder.decode(chunk, { stream: true })),
    end: () => void parser.write(decoder.decode()).close(),
  };
}

/** Parses a whole (small) part through the handlers. */
export async function parseXml(chunks: AsyncIterable<Buffer>, handlers: XmlHandlers): Promise<void> {
  const parser = xmlParser(handlers);
  for await (const chunk of chunks) parser.write(chunk);
  parser.end();
}
