/**
 * The goals of a lab exercise: predicates on the simulated host after the learner's commands, as
 * data (a bank holds them in YAML), each checked into a verdict and a sentence in the learner's
 * language that says what is missing and how to get there. Pure, like the rest of the simulator.
 */
import { z } from 'zod';
import type { Locale } from '../i18n/locale.ts';
import type { CommandResult, Container, HostState, Explanation } from './types.ts';

const PortSchema = () => z.number().int().min(1).max(65535);

/** A container that runs, optionally with a name, an image and a published port. */
export const ContainerRunningGoalSchema = () =>
	z.strictObject({
		kind: z.literal('container-running'),
		/** The container's name. */
		name: z.string().min(1).optional(),
		/** Its image as named (`nginx`, `nginx:1.27`); without a tag any tag of it counts. */
		image: z.string().min(1).optional(),
		/** A port it publishes: the container's port, and the host's when it matters. */
		publishes: z
			.strictObject({ host: PortSchema().optional(), container: PortSchema() })
			.optional(),
	});

/** Two running containers that reach each other by name: a user-defined network in common. */
export const ReachableGoalSchema = () =>
	z.strictObject({
		kind: z.literal('reachable-by-name'),
		/** The container that asks. */
		from: z.string().min(1),
		/** The container it reaches by this name (a container name or a network alias). */
		to: z.string().min(1),
	});

/** A network with the given settings. */
export const NetworkGoalSchema = () =>
	z.strictObject({
		kind: z.literal('network'),
		name: z.string().min(1),
		/** `10.10.0.0/24`. */
		subnet: z.string().min(1).optional(),
		gateway: z.string().min(1).optional(),
		internal: z.boolean().optional(),
	});

/** Data that outlives its container: a named volume that holds a file. */
export const VolumeKeepsGoalSchema = () =>
	z.strictObject({
		kind: z.literal('volume-keeps'),
		/** The volume's name. */
		volume: z.string().min(1),
		/** The file, relative to the volume's root. */
		path: z.string().min(1),
		/** What the file holds (compared without the spaces around it). */
		content: z.string().optional(),
	});

/** An image that a `docker build -t` made. */
export const ImageBuiltGoalSchema = () =>
	z.strictObject({
		kind: z.literal('image-built'),
		/** `sito` or `sito:1.0`; without a tag, `latest`. */
		tag: z.string().min(1),
	});

/** A Compose stack that is up: its services running, some of them without published ports. */
export const ComposeUpGoalSchema = () =>
	z.strictObject({
		kind: z.literal('compose-up'),
		/** Services that must run; without it, at least one of the project's. */
		services: z.array(z.string().min(1)).optional(),
		/** Services that must publish no port on the host. */
		unpublished: z.array(z.string().min(1)).optional(),
	});

/** No container has this name (any more). */
export const ContainerAbsentGoalSchema = () =>
	z.strictObject({
		kind: z.literal('container-absent'),
		name: z.string().min(1),
	});

/** Any goal of a lab exercise. */
export const GoalSchema = () =>
	z.discriminatedUnion('kind', [
		ContainerRunningGoalSchema(),
		ReachableGoalSchema(),
		NetworkGoalSchema(),
		VolumeKeepsGoalSchema(),
		ImageBuiltGoalSchema(),
		ComposeUpGoalSchema(),
		ContainerAbsentGoalSchema(),
	]);
export type Goal = z.output<ReturnType<typeof GoalSchema>>;

/** A goal and whether the host meets it, with the sentence that says so or says what is missing. */
export interface GoalCheck {
	goal: Goal;
	met: boolean;
	explanation: Explanation;
}

/** `nginx` → `nginx:latest`. */
const withTag = (image: string) => (/:[^/]+$/.test(image) ? image : `${image}:latest`);

/** Whether a container runs the image as the goal names it (no tag: any tag of the repository). */
function runsImage(container: Container, image: string): boolean {
	const used = withTag(container.image);
	if (image.includes(':')) return used === withTag(image);
	return used.slice(0, used.lastIndexOf(':')) === image;
}

const running = (c: Container) => c.status === 'running';

function checkContainerRunning(
	state: HostState,
	goal: z.output<ReturnType<typeof ContainerRunningGoalSchema>>
): Omit<GoalCheck, 'goal'> {
	const what = goal.name ?? goal.image ?? '';
	const named = goal.name ? state.containers.filter((c) => c.name === goal.name) : state.containers;
	if (goal.name && named.length === 0)
		return {
			met: false,
			explanation: { key: 'container-running.missing', params: { name: goal.name } },
		};
	const ofImage = goal.image ? named.filter((c) => runsImage(c, goal.image!)) : named;
	if (goal.image && ofImage.length === 0) {
		return {
			met: false,
			explanation: goal.name
				? {
						key: 'container-running.image',
						params: { name: goal.name, image: goal.image, actual: named[0]!.image },
					}
				: { key: 'container-running.no-image', params: { image: goal.image } },
		};
	}
	const up = ofImage.filter(running);
	const port = goal.publishes;
	if (up.length === 0 && !what && port) {
		const host = port.host ?? port.container;
		return {
			met: false,
			explanation: { key: 'container-running.port', params: { host, container: port.container } },
		};
	}
	if (up.length === 0) {
		return {
			met: false,
			explanation: what
				? { key: 'container-running.stopped', params: { name: what } }
				: { key: 'container-running.none', params: {} },
		};
	}
	if (port) {
		const publishing = up.filter((c) =>
			c.ports.some(
				(p) =>
					p.containerPort === port.container &&
					(port.host === undefined || p.hostPort === port.host)
			)
		);
		if (publishing.length === 0) {
			const host = port.host ?? port.container;
			return {
				met: false,
				explanation: {
					key: 'container-running.port',
					params: { name: what || up[0]!.name, host, container: port.container },
				},
			};
		}
		return {
			met: true,
			explanation: {
				key: 'container-running.met-port',
				params: {
					name: publishing[0]!.name,
					host: publishing[0]!.ports.find((p) => p.containerPort === port.container)!.hostPort,
					container: port.container,
				},
			},
		};
	}
	return {
		met: true,
		explanation: { key: 'container-running.met', params: { name: up[0]!.name } },
	};
}

/** The container a name reaches on a network: its own name, or an alias there. */
function byName(state: HostState, name: string): Container | undefined {
	return (
		state.containers.find((c) => c.name === name) ??
		state.containers.find((c) => c.networks.some((n) => n.aliases.includes(name)))
	);
}

function checkReachable(
	state: HostState,
	goal: z.output<ReturnType<typeof ReachableGoalSchema>>
): Omit<GoalCheck, 'goal'> {
	const params = { from: goal.from, to: goal.to };
	for (const name of [goal.from, goal.to]) {
		const c = byName(state, name);
		if (!c) return { met: false, explanation: { key: 'reachable.missing', params: { name } } };
		if (!running(c))
			return { met: false, explanation: { key: 'reachable.stopped', params: { name } } };
	}
	const from = byName(state, goal.from)!;
	const to = byName(state, goal.to)!;
	const builtin = new Set(state.networks.filter((n) => n.builtin).map((n) => n.name));
	const shared = from.networks.filter((a) =>
		to.networks.some((b) => b.network === a.network && b.ip !== '')
	);
	// Docker's embedded DNS answers on user-defined networks only: on the default bridge,
	// containers reach each other by address, not by name.
	const user = shared.find((a) => !builtin.has(a.network));
	if (user)
		return {
			met: true,
			explanation: { key: 'reachable.met', params: { ...params, network: user.network } },
		};
	if (shared.some((a) => a.network === 'bridge'))
		return { met: false, explanation: { key: 'reachable.default-bridge', params } };
	return { met: false, explanation: { key: 'reachable.apart', params } };
}

function checkNetwork(
	state: HostState,
	goal: z.output<ReturnType<typeof NetworkGoalSchema>>
): Omit<GoalCheck, 'goal'> {
	const network = state.networks.find((n) => n.name === goal.name);
	if (!network)
		return { met: false, explanation: { key: 'network.missing', params: { name: goal.name } } };
	const wrong = (field: 'subnet' | 'gateway', expected: string): Omit<GoalCheck, 'goal'> => ({
		met: false,
		explanation: {
			key: `network.${field}`,
			params: { name: goal.name, expected, actual: network[field] || '—' },
		},
	});
	if (goal.subnet !== undefined && network.subnet !== goal.subnet)
		return wrong('subnet', goal.subnet);
	if (goal.gateway !== undefined && network.gateway !== goal.gateway)
		return wrong('gateway', goal.gateway);
	if (goal.internal !== undefined && network.internal !== goal.internal) {
		return {
			met: false,
			explanation: {
				key: goal.internal ? 'network.internal' : 'network.external',
				params: { name: goal.name },
			},
		};
	}
	return { met: true, explanation: { key: 'network.met', params: { name: goal.name } } };
}

function checkVolumeKeeps(
	state: HostState,
	goal: z.output<ReturnType<typeof VolumeKeepsGoalSchema>>
): Omit<GoalCheck, 'goal'> {
	const params = { volume: goal.volume, path: goal.path };
	const volume = state.volumes.find((v) => v.name === goal.volume);
	if (!volume) return { met: false, explanation: { key: 'volume-keeps.missing', params } };
	const path = goal.path.replace(/^\/+/, '');
	const text = volume.files[path];
	if (text === undefined)
		return { met: false, explanation: { key: 'volume-keeps.no-file', params } };
	if (goal.content !== undefined && text.trim() !== goal.content.trim()) {
		return {
			met: false,
			explanation: {
				key: 'volume-keeps.content',
				params: { ...params, content: goal.content.trim() },
			},
		};
	}
	return { met: true, explanation: { key: 'volume-keeps.met', params } };
}

function checkImageBuilt(
	state: HostState,
	results: readonly CommandResult[],
	goal: z.output<ReturnType<typeof ImageBuiltGoalSchema>>
): Omit<GoalCheck, 'goal'> {
	const tag = withTag(goal.tag);
	const params = { tag: goal.tag };
	const builds = results.filter((r) =>
		/^(?:sudo\s+)?docker\s+(?:image\s+)?build\b/.test(r.command)
	);
	// An image of that name pulled from the registry is not one the learner built: a built one has
	// layers of its own, or (a Dockerfile of a single FROM) came from a build that succeeded.
	const image = state.images.find(
		(i) => i.tags.includes(tag) && (i.layers.length > 0 || builds.some((r) => r.exitCode === 0))
	);
	if (image) return { met: true, explanation: { key: 'image-built.met', params } };
	const failed = builds.length > 0 && builds.every((r) => r.exitCode !== 0);
	return {
		met: false,
		explanation: { key: failed ? 'image-built.failed' : 'image-built.missing', params },
	};
}

function checkComposeUp(
	state: HostState,
	goal: z.output<ReturnType<typeof ComposeUpGoalSchema>>
): Omit<GoalCheck, 'goal'> {
	const project = state.containers.filter((c) => c.compose);
	if (project.length === 0)
		return { met: false, explanation: { key: 'compose-up.none', params: {} } };
	const ofService = (service: string) => project.filter((c) => c.compose!.service === service);
	for (const service of goal.services ?? []) {
		const found = ofService(service);
		if (found.length === 0)
			return { met: false, explanation: { key: 'compose-up.missing', params: { service } } };
		if (!found.some(running))
			return { met: false, explanation: { key: 'compose-up.stopped', params: { service } } };
	}
	if (!goal.services && !project.some(running))
		return { met: false, explanation: { key: 'compose-up.none', params: {} } };
	for (const service of goal.unpublished ?? []) {
		const port = ofService(service).flatMap((c) => c.ports)[0];
		if (port) {
			return {
				met: false,
				explanation: {
					key: 'compose-up.published',
					params: { service, host: port.hostPort, container: port.containerPort },
				},
			};
		}
	}
	const services = goal.services ?? [
		...new Set(project.filter(running).map((c) => c.compose!.service)),
	];
	return {
		met: true,
		explanation: {
			key: goal.unpublished?.length ? 'compose-up.met-unpublished' : 'compose-up.met',
			params: { services: services.join(', '), unpublished: (goal.unpublished ?? []).join(', ') },
		},
	};
}

function checkContainerAbsent(
	state: HostState,
	goal: z.output<ReturnType<typeof ContainerAbsentGoalSchema>>
): Omit<GoalCheck, 'goal'> {
	const found = state.containers.find((c) => c.name === goal.name);
	if (!found)
		return { met: true, explanation: { key: 'container-absent.met', params: { name: goal.name } } };
	return {
		met: false,
		explanation: {
			key: running(found) ? 'container-absent.running' : 'container-absent.present',
			params: { name: goal.name },
		},
	};
}

/**
 * Checks each goal against the host as the commands left it; `results` are the commands' answers
 * (a failed build explains a missing image). One check per goal, in the goals' order.
 */
export function checkGoals(
	state: HostState,
	results: readonly CommandResult[],
	goals: readonly Goal[]
): GoalCheck[] {
	return goals.map((goal) => {
		switch (goal.kind) {
			case 'container-running':
				return { goal, ...checkContainerRunning(state, goal) };
			case 'reachable-by-name':
				return { goal, ...checkReachable(state, goal) };
			case 'network':
				return { goal, ...checkNetwork(state, goal) };
			case 'volume-keeps':
				return { goal, ...checkVolumeKeeps(state, goal) };
			case 'image-built':
				return { goal, ...checkImageBuilt(state, results, goal) };
			case 'compose-up':
				return { goal, ...checkComposeUp(state, goal) };
			case 'container-absent':
				return { goal, ...checkContainerAbsent(state, goal) };
		}
	});
}

/** Every goal sentence in both languages; `{name}` stands for a value of the check. */
export const goalTexts: Record<string, Record<Locale, string>> = {
	'container-running.missing': {
		it: "Non c'è nessun container che si chiama {name}: crealo con docker run --name {name}.",
		en: 'There is no container called {name}: create it with docker run --name {name}.',
	},
	'container-running.image': {
		it: "Il container {name} usa l'immagine {actual}, non {image}: rimuovilo e ricrealo da {image}.",
		en: 'The container {name} runs the image {actual}, not {image}: remove it and create it again from {image}.',
	},
	'container-running.no-image': {
		it: "Nessun container usa l'immagine {image}: avviane uno con docker run.",
		en: 'No container runs the image {image}: start one with docker run.',
	},
	'container-running.stopped': {
		it: 'Il container {name} esiste ma non è in esecuzione: avvialo, o guarda con docker logs perché si è fermato.',
		en: 'The container {name} exists but is not running: start it, or see with docker logs why it stopped.',
	},
	'container-running.none': {
		it: 'Nessun container è in esecuzione.',
		en: 'No container is running.',
	},
	'container-running.port': {
		it: "Nessun container in esecuzione pubblica la porta {host} dell'host: avvialo con -p {host}:{container}.",
		en: 'No running container publishes port {host} of the host: start it with -p {host}:{container}.',
	},
	'container-running.met-port': {
		it: "Il container {name} è in esecuzione e pubblica la porta {host} dell'host sulla {container}.",
		en: 'The container {name} is running and publishes port {host} of the host to its port {container}.',
	},
	'container-running.met': {
		it: 'Il container {name} è in esecuzione.',
		en: 'The container {name} is running.',
	},
	'reachable.missing': {
		it: "Non c'è nessun container che si chiama {name}.",
		en: 'There is no container called {name}.',
	},
	'reachable.stopped': {
		it: 'Il container {name} non è in esecuzione: un container fermo non ha indirizzo e non risponde.',
		en: 'The container {name} is not running: a stopped container has no address and does not answer.',
	},
	'reachable.default-bridge': {
		it: '{from} e {to} sono solo sulla rete bridge predefinita, dove i nomi non si risolvono: crea una rete con docker network create e collegali lì.',
		en: '{from} and {to} share only the default bridge network, where names do not resolve: create a network with docker network create and attach both to it.',
	},
	'reachable.apart': {
		it: '{from} e {to} non hanno nessuna rete in comune: collegali alla stessa rete definita da te.',
		en: '{from} and {to} have no network in common: attach both to the same user-defined network.',
	},
	'reachable.met': {
		it: '{from} raggiunge {to} per nome sulla rete {network}.',
		en: '{from} reaches {to} by name on the network {network}.',
	},
	'network.missing': {
		it: "Non c'è nessuna rete che si chiama {name}: creala con docker network create {name}.",
		en: 'There is no network called {name}: create it with docker network create {name}.',
	},
	'network.subnet': {
		it: 'La rete {name} ha la sottorete {actual}, non {expected}: una rete non si modifica, rimuovila e ricreala con --subnet {expected}.',
		en: 'The network {name} has the subnet {actual}, not {expected}: a network cannot be changed, so remove it and create it again with --subnet {expected}.',
	},
	'network.gateway': {
		it: 'La rete {name} ha il gateway {actual}, non {expected}: ricreala con --gateway {expected}.',
		en: 'The network {name} has the gateway {actual}, not {expected}: create it again with --gateway {expected}.',
	},
	'network.internal': {
		it: 'La rete {name} non è interna: ricreala con --internal.',
		en: 'The network {name} is not internal: create it again with --internal.',
	},
	'network.external': {
		it: 'La rete {name} è interna, e non deve esserlo: ricreala senza --internal.',
		en: 'The network {name} is internal, and should not be: create it again without --internal.',
	},
	'network.met': {
		it: 'La rete {name} esiste con le impostazioni richieste.',
		en: 'The network {name} exists with the settings asked for.',
	},
	'volume-keeps.missing': {
		it: "Non c'è nessun volume {volume}: un file scritto nel container senza volume sparisce con docker rm. Monta il volume con -v {volume}:/cartella.",
		en: 'There is no volume {volume}: a file written in a container without a volume goes away with docker rm. Mount the volume with -v {volume}:/folder.',
	},
	'volume-keeps.no-file': {
		it: 'Il volume {volume} non contiene {path}: scrivi il file nella cartella dove il volume è montato.',
		en: 'The volume {volume} does not hold {path}: write the file in the folder where the volume is mounted.',
	},
	'volume-keeps.content': {
		it: 'Il file {path} del volume {volume} non contiene «{content}».',
		en: 'The file {path} of the volume {volume} does not hold “{content}”.',
	},
	'volume-keeps.met': {
		it: 'Il volume {volume} conserva {path}.',
		en: 'The volume {volume} keeps {path}.',
	},
	'image-built.missing': {
		it: "Non c'è nessuna immagine {tag} costruita da te: costruiscila con docker build -t {tag} .",
		en: 'There is no image {tag} that you built: build it with docker build -t {tag} .',
	},
	'image-built.failed': {
		it: "La build non è riuscita, quindi l'immagine {tag} non esiste: leggi l'errore, correggi il Dockerfile e rilancia docker build.",
		en: 'The build failed, so the image {tag} does not exist: read the error, fix the Dockerfile and run docker build again.',
	},
	'image-built.met': {
		it: "L'immagine {tag} è stata costruita.",
		en: 'The image {tag} was built.',
	},
	'compose-up.none': {
		it: 'Nessun servizio di Compose è in esecuzione: avvia il progetto con docker compose up -d.',
		en: 'No Compose service is running: bring the project up with docker compose up -d.',
	},
	'compose-up.missing': {
		it: 'Il servizio {service} non ha nessun container: controlla il file Compose e rilancia docker compose up -d.',
		en: 'The service {service} has no container: check the Compose file and run docker compose up -d again.',
	},
	'compose-up.stopped': {
		it: 'Il servizio {service} non è in esecuzione: guarda con docker compose logs {service} perché si è fermato.',
		en: 'The service {service} is not running: see with docker compose logs {service} why it stopped.',
	},
	'compose-up.published': {
		it: "Il servizio {service} pubblica la porta {host} dell'host: togli la sua voce ports, gli altri servizi lo raggiungono comunque sulla rete del progetto.",
		en: "The service {service} publishes port {host} of the host: remove its ports entry, the other services reach it on the project's network anyway.",
	},
	'compose-up.met': {
		it: 'Il progetto è attivo: {services} in esecuzione.',
		en: 'The project is up: {services} running.',
	},
	'compose-up.met-unpublished': {
		it: "Il progetto è attivo ({services}) e {unpublished} non pubblica porte sull'host.",
		en: 'The project is up ({services}) and {unpublished} publishes no port on the host.',
	},
	'container-absent.running': {
		it: 'Il container {name} è ancora in esecuzione: fermalo e rimuovilo (docker rm -f {name}).',
		en: 'The container {name} is still running: stop and remove it (docker rm -f {name}).',
	},
	'container-absent.present': {
		it: 'Il container {name} esiste ancora, fermo: rimuovilo con docker rm {name}.',
		en: 'The container {name} still exists, stopped: remove it with docker rm {name}.',
	},
	'container-absent.met': {
		it: "Il container {name} non c'è più.",
		en: 'The container {name} is gone.',
	},
};

/** A goal check's sentence in a language. An unknown key is said as the key itself. */
export function explainGoal(explanation: Explanation, lang: Locale): string {
	const text = goalTexts[explanation.key]?.[lang] ?? explanation.key;
	return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
		String(explanation.params?.[name] ?? whole)
	);
}
