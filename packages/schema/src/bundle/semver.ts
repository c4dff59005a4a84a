// Semantic versions (semver.org 2.0 core plus optional pre-release), enough to order template versions.

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;

export function isSemver(value: unknown): value is string {
  return typeof value === "string" && value.length <= 64 && SEMVER.test(value);
}

/** Negative when a < b, 0 when equal, positive when a > b; a pre-release sorts before its release. */
export function compareSemver(a: string, b: string): number {
  const pa = SEMVER.exec(a);
  const pb = SEMVER.exec(b);
  if (!pa || !pb) throw new Error(`not semantic versions: ${a}, ${b}`);
  for (let i = 1; i <= 3; i++) {
    const d = Number(pa[i]) - Number(pb[i]);
    if (d !== 0) return d;
  }
  const ra = pa[4];
  const rb = pb[4];
  if (ra === rb) return 0;
  if (ra === undefined) return 1;
  if (rb === undefined) return -1;
  const xa = ra.split(".");
  const xb = rb.split(".");
  for (let i = 0; i < Math.max(xa.length, xb.length); i++) {
    const sa = xa[i];
    const sb = xb[i];
    if (sa === undefined) return -1;
    if (sb === undefined) return 1;
    const na = /^\d+$/.test(sa) ? Number(sa) : Number.NaN;
    const nb = /^\d+$/.test(sb) ? Number(sb) : Number.NaN;
    if (!Number.isNaN(na) && !Number.isNaN(nb)) {
      if (na !== nb) return na - nb;
    } else if (sa !== sb) {
      if (!Number.isNaN(na)) return -1;
      if (!Number.isNaN(nb)) return 1;
      return sa < sb ? -1 : 1;
    }
  }
  return 0;
}
