import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const HERE = dirname(fileURLToPath(import.meta.url));

// A production build (minified React, no dev checks) of the bench page, as users get the app.
export default defineConfig({
  root: join(HERE, "page"),
  plugins: [react()],
  resolve: { dedupe: ["react", "react-dom", "antd", "@tanstack/react-query", "react-router"] },
  logLevel: "warn",
  build: {
    outDir: join(HERE, "dist"),
    emptyOutDir: true,
    chunkSizeWarningLimit: 5000,
    minify: process.env.BENCH_MINIFY !== "0",
  },
});
