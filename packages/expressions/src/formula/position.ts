import type { DiagnosticDetail, FormulaDiagnostic } from "../types";

/** A stretch of formula text: offset and length in UTF-16 code units, as editors (CodeMirror, Monaco) count. */
export interface Span {
  offset: number;
  length: number;
}

export interface LineColumn {
  /** 1-based. Lines end at "\n", "\r\n" or a lone "\r". */
  line: number;
  /** 1-based, in UTF-16 code units from the start of the line. */
  column: number;
}

function isLineEnd(text: string, i: number): boolean {
  const ch = text.charCodeAt(i);
  return ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10);
}

/** Scans only up to the offset, so locating one error near the start of a huge text stays cheap. */
export function lineColumnAt(text: string, offset: number): LineColumn {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (isLineEnd(text, i)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Collects diagnostics for one text. Line starts are indexed once, on the first diagnostic, so a
 * formula with thousands of problems is still located in O(n + k log n).
 */
export class DiagnosticList {
  readonly items: FormulaDiagnostic[] = [];
  private lineStarts: number[] | undefined;

  constructor(private readonly text: string) {}

  add(code: FormulaDiagnostic["code"], message: string, span: Span, detail?: DiagnosticDetail): void {
    this.items.push(located(code, message, span, this.locate(span.offset), detail));
  }

  private locate(offset: number): LineColumn {
    if (!this.lineStarts) {
      this.lineStarts = [0];
      for (let i = 0; i < this.text.length; i++) if (isLineEnd(this.text, i)) this.lineStarts.push(i + 1);
    }
    const starts = this.lineStarts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  }
}

/** One diagnostic located by a direct scan: for the single error of a text too long to index. */
export function singleDiagnostic(
  text: string,
  code: FormulaDiagnostic["code"],
  message: string,
  span: Span,
  detail?: DiagnosticDetail,
): FormulaDiagnostic {
  return located(code, message, span, lineColumnAt(text, span.offset), detail);
}

function located(
  code: FormulaDiagnostic["code"],
  message: string,
  span: Span,
  { line, column }: LineColumn,
  detail: DiagnosticDetail | undefined,
): FormulaDiagnostic {
  return {
    code,
    message,
    ...(detail ? { detail } : {}),
    offset: span.offset,
    length: span.length,
    line,
    column,
  };
}
