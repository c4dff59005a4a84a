// What a file's first bytes say it is. Images are served back inline, so a declared image type must be
// confirmed by its magic bytes (a script uploaded as "image/png" is refused); for other types the bytes
// must at least not claim to be something executable by a browser.

const SIGNATURES: { type: string; bytes: (number | null)[]; offset?: number }[] = [
  { type: "image/png", bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: "image/jpeg", bytes: [0xff, 0xd8, 0xff] },
  { type: "image/gif", bytes: [0x47, 0x49, 0x46, 0x38] },
  // RIFF....WEBP
  { type: "image/webp", bytes: [0x52, 0x49, 0x46, 0x46, null, null, null, null, 0x57, 0x45, 0x42, 0x50] },
  { type: "application/pdf", bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { type: "application/zip", bytes: [0x50, 0x4b, 0x03, 0x04] },
];

/** Office Open XML documents are zip files. */
const ZIP_BASED = new Set([
  "application/zip",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation",
]);

export const SNIFF_BYTES = 16;

export function sniffType(head: Uint8Array): string | null {
  for (const signature of SIGNATURES) {
    if (signature.bytes.every((byte, i) => byte === null || head[i] === byte)) return signature.type;
  }
  return null;
}

/** True when the first bytes are consistent with the declared MIME type. */
export function contentMatchesType(declared: string, head: Uint8Array): boolean {
  const sniffed = sniffType(head);
  if (declared.startsWith("image/") || declared === "application/pdf") return sniffed === declared;
  if (ZIP_BASED.has(declared)) return sniffed === "application/zip";
  if (declared.startsWith("text/")) return sniffed === null && !looksLikeMarkup(head);
  return true;
}

function looksLikeMarkup(head: Uint8Array): boolean {
  const text = Buffer.from(head).toString("latin1").trimStart().toLowerCase();
  return text.startsWith("<");
}
