/** ISO 8601 durations as deadlines use them: P2D, PT4H, P1W, P1Y2M3DT4H5M6S. At least one part; T needs a time part. */
const DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;

export function isIsoDuration(text: string): boolean {
  return DURATION.test(text);
}
