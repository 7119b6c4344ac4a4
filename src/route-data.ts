/**
 * Starlight's route middleware: English pages link the English web app manifest
 * (`public/en/manifest.webmanifest`: its name, description and start page are English), so a
 * phone installs the course in the language the learner reads it in.
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';

export const onRequest = defineRouteMiddleware(({ locals }) => {
	const route = locals.starlightRoute;
	if (route.locale !== 'en') return;
	for (const entry of route.head) {
		if (
			entry.tag === 'link' &&
			entry.attrs?.rel === 'manifest' &&
			typeof entry.attrs.href === 'string'
		)
			entry.attrs.href = entry.attrs.href.replace(
				/manifest\.webmanifest$/,
				'en/manifest.webmanifest'
			);
	}
});
