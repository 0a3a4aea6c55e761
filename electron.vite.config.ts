import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

/**
 * One build for everything that ships:
 *  - main: the desktop host (index.js) and the browser host (web.js), both over the same core;
 *  - preload: the sandboxed bridge (CommonJS, as sandboxed preloads require);
 *  - renderer: the React app, served by the custom protocol or by the browser host.
 */
export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/hosts/desktop/main.ts'),
          web: resolve(__dirname, 'src/hosts/browser/main.ts'),
          cli: resolve(__dirname, 'src/cli/index.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
      },
      // A sandboxed preload can require('electron') and nothing else, so the rest is bundled; it imports
      // the bridge without the schemas, which keeps it small (test/unit/preload-bundle.test.ts).
      externalizeDeps: false,
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    build: {
      // electron-vite leaves output unminified; the renderer is loaded on every window open, so minify it.
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
    plugins: [react()],
  },
});
