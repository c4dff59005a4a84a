import { describe, expect, it } from "vitest";
import { contentMatchesType, sniffType } from "./sniff";

const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const webp = Buffer.concat([Buffer.from("RIFF"), Buffer.from([1, 2, 3, 4]), Buffer.from("WEBPVP8 ")]);

describe("sniffType", () => {
  it("recognises image and document signatures", () => {
    expect(sniffType(png)).toBe("image/png");
    expect(sniffType(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
    expect(sniffType(webp)).toBe("image/webp");
    expect(sniffType(Buffer.from("%PDF-1.7"))).toBe("application/pdf");
    expect(sniffType(Buffer.from("hello"))).toBeNull();
  });
});

describe("contentMatchesType", () => {
  it("requires images to be what they claim", () => {
    expect(contentMatchesType("image/png", png)).toBe(true);
    expect(contentMatchesType("image/jpeg", png)).toBe(false);
    expect(contentMatchesType("image/png", Buffer.from("<svg onload=alert(1)>"))).toBe(false);
  });

  it("refuses markup posing as plain text and accepts office files as zips", () => {
    expect(contentMatchesType("text/plain", Buffer.from("  <html><script>"))).toBe(false);
    expect(contentMatchesType("text/csv", Buffer.from("a,b\n1,2"))).toBe(true);
    expect(
      contentMatchesType(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        Uint8Array.from([0x50, 0x4b, 0x03, 0x04]),
      ),
    ).toBe(true);
  });
});
