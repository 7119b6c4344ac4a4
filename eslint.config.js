// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import astro from 'eslint-plugin-astro';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
	{ ignores: ['dist/', '.astro/', 'node_modules/', 'test-results/'] },
	js.configs.recommended,
	...tseslint.configs.recommendedTypeChecked,
	...astro.configs.recommended,
	{
		languageOptions: {
			globals: { ...globals.node },
			parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
		},
	},
	{
		// Astro components are checked by `astro check`; typed rules need a TS program they lack.
		files: ['**/*.astro', '**/*.mjs', '**/*.js'],
		...tseslint.configs.disableTypeChecked,
	},
	{
		// Preact's hooks follow React's rules. Only these two of the plugin's recommended set: its
		// React Compiler rules know React's `useRef` alone and flag every Preact ref as a value.
		files: ['src/components/**/*.{ts,tsx}'],
		plugins: reactHooks.configs.flat.recommended.plugins,
		rules: {
			'react-hooks/rules-of-hooks': 'error',
			'react-hooks/exhaustive-deps': 'error',
		},
	},
	{
		files: ['tests/e2e/**/*.ts'],
		languageOptions: { globals: { ...globals.browser } },
	},
	prettier
);
