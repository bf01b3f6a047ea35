import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
  // `pnpm --filter @mapwright/studio dev` next to `pnpm serve`: the API stays same-origin for the cookie.
  server: { proxy: { '/trpc': 'http://127.0.0.1:4000' } },
});
