/**
 * The words the diagram and its text description add to the user's names, in both languages of
 * the course. User data (service names, images, paths) is never translated.
 */
import type { Localized } from '../i18n/locale.ts';

const it = {
	title: 'Schema del file Compose',
	host: 'Host',
	hostSubtitle: 'la tua macchina',
	image: 'immagine',
	build: 'build',
	ports: 'porte',
	replicas: 'repliche',
	randomPort: 'casuale',
	defaultDriver: 'bridge',
	implicitNetwork: 'creata da Compose',
	internalNetwork: 'interna',
	externalNetwork: 'rete esterna',
	externalVolume: 'volume esterno',
	namedVolume: 'volume',
	bindMount: "percorso dell'host",
	readOnly: 'sola lettura',
	hostNetwork: "rete dell'host",
	sharedNetwork: 'stessa rete',
	legend: 'Legenda',
	legendService: 'servizio',
	legendNetwork: 'rete: ogni punto è un servizio collegato',
	legendVolume: 'volume con nome',
	legendBind: "percorso dell'host (bind)",
	legendDepends: 'depends_on',
	legendExternal: 'esterno (external)',
};

/** The diagram's own words, by language. */
export const diagramLabels: Localized<typeof it> = {
	it,
	en: {
		title: 'Compose file diagram',
		host: 'Host',
		hostSubtitle: 'your machine',
		image: 'image',
		build: 'build',
		ports: 'ports',
		replicas: 'replicas',
		randomPort: 'random',
		defaultDriver: 'bridge',
		implicitNetwork: 'created by Compose',
		internalNetwork: 'internal',
		externalNetwork: 'external network',
		externalVolume: 'external volume',
		namedVolume: 'volume',
		bindMount: 'host path',
		readOnly: 'read-only',
		hostNetwork: "host's network",
		sharedNetwork: 'same network',
		legend: 'Legend',
		legendService: 'service',
		legendNetwork: 'network: each dot is a service on it',
		legendVolume: 'named volume',
		legendBind: 'host path (bind)',
		legendDepends: 'depends_on',
		legendExternal: 'external',
	},
};
