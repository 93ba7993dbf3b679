/** Build of the browser client: Solid, the PWA (service worker from src/sw.ts, manifest) and the territory data. */
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import solid from 'vite-plugin-solid';
import { territoryData } from './vite/territory';

const THEME = '#0b5c8a';

export default defineConfig({
  plugins: [
    solid(),
    territoryData(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      registerType: 'prompt',
      // Registered by src/shell/UpdateBanner.tsx through `virtual:pwa-register/solid`.
      injectRegister: false,
      manifest: {
        name: 'CPTS Metz — Coordination des soins',
        short_name: 'CPTS Metz',
        description: 'Coordination des professionnels de santé de la CPTS de Metz et Environs',
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
        globPatterns: ['**/*.{js,css,html,png,svg,webmanifest}', 'territory/*.{json,geojson}'],
        // The commune outlines are about 60 KB; the limit only guards against an accidental huge file.
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
            { name: 'rxdb', test: /node_modules[\\/](rxdb|rxjs|dexie)[\\/]/ },
          ],
        },
      },
    },
  },
});
