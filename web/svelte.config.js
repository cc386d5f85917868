import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  compilerOptions: { runes: true },
  kit: {
    adapter: adapter({ out: 'build' }),
    typescript: {
      // Type-check the e2e suite with the app.
      config(tsconfig) {
        tsconfig.include.push('../e2e/**/*.ts', '../vitest.e2e.config.ts');
      },
    },
  },
};

export default config;
