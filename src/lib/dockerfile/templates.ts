/**
 * Starting points for the builder: the lecture's Apache example and three common kinds of app.
 * Each is a correct Dockerfile that passes the linter with at most `info` findings.
 */
import type { Localized } from '../i18n/locale.ts';

/** A ready-made Dockerfile the learner can start from. */
export interface Template {
	/** Stable id, also used in the page's URL: `apache2`. */
	id: string;
	title: Localized<string>;
	description: Localized<string>;
	/** The Dockerfile text, ending with a line break. */
	dockerfile: string;
}

/** The templates, in the order the builder lists them. */
export const templates: readonly Template[] = [
	{
		id: 'apache2',
		title: {
			it: 'Apache su Ubuntu (esempio della lezione)',
			en: 'Apache on Ubuntu (lecture example)',
		},
		description: {
			it: 'Installa Apache con apt-get, copia la configurazione del virtual host e lo avvia in primo piano, così il container resta acceso.',
			en: 'Installs Apache with apt-get, copies the virtual host configuration and runs it in the foreground, so the container keeps running.',
		},
		dockerfile: [
			'FROM ubuntu:24.04',
			'RUN apt-get update \\',
			'    && apt-get install -y --no-install-recommends apache2 \\',
			'    && rm -rf /var/lib/apt/lists/*',
			'COPY vh.conf /etc/apache2/sites-available/000-default.conf',
			'EXPOSE 80',
			'CMD ["apache2ctl", "-D", "FOREGROUND"]',
			'',
		].join('\n'),
	},
	{
		id: 'node',
		title: { it: 'App Node.js', en: 'Node.js app' },
		description: {
			it: 'Copia prima package.json e il lockfile, così la cache di Docker riusa le dipendenze finché non cambiano; installa con npm ci e gira come utente node, non come root.',
			en: "Copies package.json and the lockfile first, so Docker's cache reuses the dependencies until they change; installs with npm ci and runs as the node user, not root.",
		},
		dockerfile: [
			'FROM node:22-alpine',
			'WORKDIR /app',
			'COPY package.json package-lock.json ./',
			'RUN npm ci --omit=dev',
			'COPY . .',
			'USER node',
			'EXPOSE 3000',
			'CMD ["node", "server.js"]',
			'',
		].join('\n'),
	},
	{
		id: 'python',
		title: { it: 'App Python', en: 'Python app' },
		description: {
			it: "Installa le dipendenze da requirements.txt senza la cache di pip, crea un utente senza privilegi e serve l'app con gunicorn sulla porta 8000.",
			en: "Installs the dependencies from requirements.txt without pip's cache, creates an unprivileged user and serves the app with gunicorn on port 8000.",
		},
		dockerfile: [
			'FROM python:3.12-slim',
			'WORKDIR /app',
			'COPY requirements.txt .',
			'RUN pip install --no-cache-dir -r requirements.txt',
			'COPY . .',
			'RUN useradd --create-home app',
			'USER app',
			'EXPOSE 8000',
			'CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]',
			'',
		].join('\n'),
	},
	{
		id: 'go',
		title: { it: 'Build multi-stage in Go', en: 'Multi-stage Go build' },
		description: {
			it: "Il primo stage compila con l'immagine completa di Go; il secondo copia solo l'eseguibile in un'immagine minima distroless, di pochi MB e senza shell.",
			en: 'The first stage compiles with the full Go image; the second copies only the binary into a minimal distroless image, a few MB and without a shell.',
		},
		dockerfile: [
			'FROM golang:1.23 AS build',
			'WORKDIR /src',
			'COPY go.mod go.sum ./',
			'RUN go mod download',
			'COPY . .',
			'RUN CGO_ENABLED=0 go build -o /out/app .',
			'',
			'FROM gcr.io/distroless/static-debian12:nonroot',
			'COPY --from=build /out/app /app',
			'USER nonroot:nonroot',
			'EXPOSE 8080',
			'ENTRYPOINT ["/app"]',
			'',
		].join('\n'),
	},
];
