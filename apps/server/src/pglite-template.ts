// `node dist/pglite-template.js <dir>`: build.mjs runs this once per PGlite version to make the data
// directory a first start copies instead of running initdb (see createPGliteTemplate).
import { createPGliteTemplate } from "@formwork/db";

const dir = process.argv[2];
if (!dir) {
  process.stderr.write("usage: pglite-template <directory>\n");
  process.exit(2);
}
await createPGliteTemplate(dir);
