import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const API_TARGET = process.env.FORMWORK_API ?? "http://localhost:3000";

// Libraries every page needs get their own long-cached chunks. antd is deliberately left to the
// default splitting: a component only the designer uses then travels in the designer's lazy chunk
// instead of growing the fill page's initial JavaScript.
const VENDOR_CHUNKS: Array<[name: string, test: RegExp]> = [
  ["react", /node_modules\/\.pnpm\/(react|react-dom|scheduler|react-router)@/],
  ["query", /node_modules\/\.pnpm\/@tanstack\+/],
  ["i18n", /node_modules\/\.pnpm\/(i18next|react-i18next)@/],
];

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      "/api": { target: API_TARGET, changeOrigin: false },
      "/socket.io": { target: API_TARGET, changeOrigin: false, ws: true },
    },
  },
  build: {
    outDir: "dist",
    // scripts/bundle-size.mjs reads it to measure each page's initial JavaScript.
    manifest: true,
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: VENDOR_CHUNKS.map(([name, test]) => ({ name: `vendor-${name}`, test })),
        },
      },
    },
  },
});
