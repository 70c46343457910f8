import { defineConfig } from 'vite';

// The dashboard is served by `talentflow serve` from web/dist; `vite dev` proxies the API to it.
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2500,
    reportCompressedSize: false,
    rolldownOptions: {
      output: {
        // MapLibre's worker ships as .mjs; name it .js so any static server sends a JavaScript
        // MIME type (browsers refuse module workers served as octet-stream).
        assetFileNames: (info: { names: string[] }) => (info.names[0]?.endsWith('.mjs') ? 'assets/[name]-[hash].js' : 'assets/[name]-[hash][extname]'),
      },
    },
  },
  server: { proxy: { '/api': `http://127.0.0.1:${process.env.TALENTFLOW_API_PORT ?? 5173}` } },
});
