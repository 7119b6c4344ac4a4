/**
 * Offline reading, at the end of `astro build`: writes `<base>offline-manifest.json` (every page
 * with what it loads, from the built files) and bundles the service worker to `<base>sw.js` with
 * the build's version in it, so that a new publication installs a new worker and a new cache.
 */

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';
import sharp from 'sharp';
import { buildManifest } from '../lib/offline/manifest.ts';

const generated = new Set(['sw.js', 'offline-manifest.json', 'icon-192.png', 'icon-512.png']);

/** The Astro integration; `base` is the site's base path, as in `astro.config.mjs`. */
export function offlineIntegration(): AstroIntegration {
	let base = '/';
	return {
		name: 'corso-offline',
		hooks: {
			'astro:config:done': ({ config }) => {
				base = `/${config.base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
			},
			'astro:build:done': async ({ dir, logger }) => {
				const root = fileURLToPath(dir);
				// The web app manifest's PNG icons, for systems that do not take the SVG one.
				for (const size of [192, 512]) {
					await sharp(join(root, 'favicon.svg'), { density: 600 })
						.resize(size, size)
						.png()
						.toFile(join(root, `icon-${size}.png`));
				}
				const files = listFiles(root).filter((file) => !generated.has(file));
				const version = buildVersion(root, files);
				const manifest = buildManifest(
					{
						base,
						files: files.map((file) => `${base}${file}`),
						read: (url) => readFileSync(join(root, url.slice(base.length)), 'utf8'),
					},
					version
				);
				writeFileSync(join(root, 'offline-manifest.json'), JSON.stringify(manifest));
				await build({
					entryPoints: [fileURLToPath(new URL('../offline/sw.ts', import.meta.url))],
					outfile: join(root, 'sw.js'),
					bundle: true,
					minify: true,
					format: 'iife',
					target: 'es2022',
					define: { __OFFLINE_VERSION__: JSON.stringify(version) },
					logLevel: 'warning',
				});
				logger.info(`service worker ${version}: ${manifest.pages.length} pages`);
			},
		},
	};
}

/** Every file under `root`, as a path with forward slashes. */
function listFiles(root: string): string[] {
	const found: string[] = [];
	const walk = (folder: string) => {
		for (const entry of readdirSync(folder, { withFileTypes: true })) {
			const path = join(folder, entry.name);
			if (entry.isDirectory()) walk(path);
			else found.push(relative(root, path).split(sep).join('/'));
		}
	};
	walk(root);
	return found.sort();
}

/** A short hash of every built file's name and content: the same build gives the same version. */
function buildVersion(root: string, files: string[]): string {
	const hash = createHash('sha256');
	for (const file of files)
		hash
			.update(file)
			.update('\0')
			.update(readFileSync(join(root, file)));
	return hash.digest('hex').slice(0, 12);
}
