// electron-vite configuration. The product owner's layout puts the entries in electron/main,
// electron/preload and renderer/, and the file is not electron-vite's default name, so every
// script passes `--config electron.config.ts`.
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { CSP_DEVELOPMENT, CSP_PRODUCTION } from './shared/security/csp';

const CSP_PLACEHOLDER = '__CRYOLOG_CSP__';

/** Writes the one CSP constant into index.html's meta tag, so header and meta never differ. */
function cspMeta(): Plugin {
  return {
    name: 'cryolog-csp-meta',
    transformIndexHtml: {
      order: 'pre',
      handler(html, ctx) {
        if (!html.includes(CSP_PLACEHOLDER)) throw new Error(`renderer/index.html lacks the ${CSP_PLACEHOLDER} meta tag`);
        return html.replace(CSP_PLACEHOLDER, ctx.server ? CSP_DEVELOPMENT : CSP_PRODUCTION);
      },
    },
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // The `cryolog` command is built with the app and shares its handlers and data layer.
        // integrityWorker: the worker thread that checks database files off the main thread
        // (electron/main/integrity/runInWorker.ts finds it beside the entries).
        input: {
          index: resolve('electron/main/index.ts'),
          cli: resolve('electron/cli/index.ts'),
          integrityWorker: resolve('electron/main/integrity/integrityWorker.ts'),
          // bulkCsvWorker: the bulk CSV export, off the main thread (export/runBulkCsvInWorker.ts).
          bulkCsvWorker: resolve('electron/main/export/bulkCsvWorker.ts'),
          // The long-lived worker that lays out signed PDFs (export/pdfWorkerClient.ts finds it).
          pdfWorker: resolve('electron/main/export/pdfWorker.ts'),
        },
        output: { banner: (chunk) => (chunk.name === 'cli' ? '#!/usr/bin/env node' : '') },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can only require('electron'): it must be one CommonJS file.
      rollupOptions: { input: { index: resolve('electron/preload/index.ts') }, output: { format: 'cjs' } },
    },
  },
  renderer: {
    root: 'renderer',
    base: './',
    build: { outDir: resolve('out/renderer'), minify: true, rollupOptions: { input: resolve('renderer/index.html') } },
    plugins: [react(), cspMeta()],
  },
});
