/** Build of the browser client: Solid, the PWA (service worker from src/sw.ts, manifest) and the territory data. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import solid from 'vite-plugin-solid';
import { SIGNED_IN_CHUNK, signedInOwnFiles } from './vite/first-route.ts';
import { territoryData, territoryDefine, territoryDir, territoryIdentity } from './vite/territory.ts';

const THEME = '#0b5c8a';
// The territory is chosen at build time, like the server's (TERRITORY or TERRITORY_DIR).
const TERRITORY_DIR = territoryDir(process.cwd());
const TERRITORY = territoryIdentity(TERRITORY_DIR);
const ROOT = fileURLToPath(new URL('.', import.meta.url));
// Our files the signed-in route adds (the frame, the directory, the local data and its sync): one chunk.
const SIGNED_IN = signedInOwnFiles(ROOT);
// Sent with the app's error reports, so the coordinators see which build a device runs.
const VERSION = (JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string }).version;

export default defineConfig({
  resolve: {
    // RxDB's encryption plugin imports the whole crypto-js and uses only AES and UTF-8.
    alias: [{ find: /^crypto-js$/, replacement: fileURLToPath(new URL('./src/data/crypto-js-aes.ts', import.meta.url)) }],
  },
  define: { ...territoryDefine(TERRITORY), 'import.meta.env.VITE_APP_VERSION': JSON.stringify(VERSION) },
  plugins: [
    solid(),
    territoryData(TERRITORY_DIR, TERRITORY),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      registerType: 'prompt',
      // Registered by src/shell/UpdateBanner.tsx through `virtual:pwa-register/solid`.
      injectRegister: false,
      manifest: {
        name: `${TERRITORY.shortName} — Coordination des soins`,
        short_name: TERRITORY.shortName,
        description: `Coordination des professionnels de santé : ${TERRITORY.name}`,
        lang: 'fr',
        dir: 'ltr',
        display: 'standalone',
        start_url: '/',
        scope: '/',
        theme_color: THEME,
        background_color: '#ffffff',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      injectManifest: {
        // The worker's own build: only warnings, like the app's in `npm run build`; and one chunk
        // in today's spelling (the plugin still sets rolldown's deprecated `inlineDynamicImports`).
        buildPlugins: {
          vite: [
            {
              name: 'quiet-service-worker-build',
              config: () => ({ logLevel: 'warn' }),
              outputOptions: ({ inlineDynamicImports, ...options }) => (inlineDynamicImports ? { ...options, codeSplitting: false } : options),
            },
          ],
        },
        globPatterns: ['**/*.{js,css,html,png,svg,webmanifest}', 'territory/*.{json,geojson}'],
        // The commune outlines are under 100 KB; the limit only guards against an accidental huge file.
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
      },
      devOptions: { enabled: false },
    }),
  ],
  build: {
    outDir: 'dist',
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Named vendor chunks: the framework (needed by the first screen) and the local database with
        // its dependencies (needed only once signed in), each cached across releases of our own code.
        codeSplitting: {
          groups: [
            { name: 'solid', test: /node_modules[\\/](solid-js|@solidjs)[\\/]/ },
            // Less the plugins that load when needed: those of the encrypted patient data (crypto-js with
            // them), which loads with it, and the schema migrations, which only a device holding data needs.
            { name: 'rxdb', test: /node_modules[\\/](rxdb|rxjs|dexie)[\\/](?!.*[\\/]plugins[\\/](encryption-crypto-js|cleanup|migration-schema)[\\/])/ },
            // Alone (the strings it names stay in their own chunks, which its namespace import would pull in).
            { name: SIGNED_IN_CHUNK, test: (id) => SIGNED_IN.has(path.relative(ROOT, id.split('?')[0])), includeDependenciesRecursively: false },
          ],
        },
      },
    },
  },
});
