/**
 * What Docker Compose refuses (or quietly changes) once the file has the right shape: secrets,
 * configs and models that are used but never declared, keys that cannot go together, a fixed
 * container name on several replicas, an external resource with settings of its own, a project
 * name Compose must rewrite, a port published where nothing can reach it, two mounts on one path.
 */
import { isObject } from '../guards.ts';
import type { Severity } from '../findings.ts';
import type { Localized } from '../i18n/locale.ts';
import type { Issue, Path, RuleId } from './finding.ts';
import { isInterpolated } from './interpolation.ts';
import { isExternal, serviceNetworks } from './model.ts';
import { parseMount } from './mounts.ts';
import { literalNumber, valueAt } from './quantities.ts';
import type { ComposeFile, Service } from './schema.ts';
import { closest } from './suggest.ts';

const issue = (
	rule: RuleId,
	severity: Severity,
	path: Path,
	message: Localized<string>,
	at?: 'key'
): Issue => ({ rule, severity, path, message, ...(at && { at }) });

/** ` Forse intendevi "db"?` when a declared name is close to the one written. */
function didYouMean(name: string, candidates: Iterable<string>): Localized<string> {
	const suggestion = closest(name, candidates);
	return suggestion
		? { it: ` Forse intendevi "${suggestion}"?`, en: ` Did you mean "${suggestion}"?` }
		: { it: '', en: '' };
}

/** Runs every check of this file on a validated Compose file. */
export function checkConsistency(file: ComposeFile): Issue[] {
	const services = Object.entries(file.services ?? {});
	return [
		...checkProjectName(file),
		...services.flatMap(([name, service]) => [
			...checkGrants(file, name, service),
			...checkExclusive(name, service),
			...checkReplicas(name, service),
			...checkInternalPorts(file, name, service),
			...checkMountTargets(name, service),
			...checkHealthcheck(name, service),
			...checkWatch(name, service),
		]),
		...checkExternal(file),
		...checkSources(file),
	];
}

/**
 * The project name. Compose lowercases a name from the file and drops every character but
 * letters, digits, `-` and `_` (and any `-` or `_` it starts with); a name with nothing left is
 * refused.
 */
function checkProjectName({ name }: ComposeFile): Issue[] {
	if (name === undefined || isInterpolated(name)) return [];
	const normalized = name
		.toLowerCase()
		.replace(/[^a-z0-9_-]/g, '')
		.replace(/^[-_]+/, '');
	if (normalized === name) return [];
	const rule = 'invalid-project-name';
	if (!normalized)
		return [
			issue(rule, 'error', ['name'], {
				it: `Il nome di progetto "${name}" non ha nessun carattere valido: Docker Compose lo rifiuta ("project name must not be empty"). Usa solo lettere minuscole, cifre, - e _, iniziando con una lettera o una cifra (ad esempio negozio-web).`,
				en: `The project name "${name}" has no valid character: Docker Compose refuses it ("project name must not be empty"). Use only lowercase letters, digits, - and _, starting with a letter or a digit (for example web-shop).`,
			}),
		];
	return [
		issue(rule, 'warning', ['name'], {
			it: `Il nome di progetto "${name}" non è valido: può contenere solo lettere minuscole, cifre, - e _, e iniziare con una lettera o una cifra. Docker Compose lo trasforma in "${normalized}", e con quel nome chiama container, reti e volumi: scrivi direttamente name: ${normalized}.`,
			en: `The project name "${name}" is not valid: it may hold only lowercase letters, digits, - and _, and start with a letter or a digit. Docker Compose turns it into "${normalized}" and names containers, networks and volumes after that: write name: ${normalized} yourself.`,
		}),
	];
}

/** The names a service's `secrets` or `configs` grant, with where each is written. */
function grants(list: unknown, at: Path): { name: string; path: Path }[] {
	if (!Array.isArray(list)) return [];
	return list.flatMap((entry: unknown, i) => {
		const source = isObject(entry) ? entry.source : entry;
		return typeof source === 'string' ? [{ name: source, path: [...at, i] }] : [];
	});
}

const kinds = {
	secrets: {
		rule: 'undefined-secret',
		it: 'il segreto',
		declared: 'dichiarato',
		add: 'Aggiungilo',
		en: 'secret',
		section: 'secrets',
		example: { it: 'file: ./password.txt', en: 'file: ./password.txt' },
	},
	configs: {
		rule: 'undefined-config',
		it: 'la configurazione',
		declared: 'dichiarata',
		add: 'Aggiungila',
		en: 'config',
		section: 'configs',
		example: { it: 'file: ./nginx.conf', en: 'file: ./nginx.conf' },
	},
	models: {
		rule: 'undefined-model',
		it: 'il modello',
		declared: 'dichiarato',
		add: 'Aggiungilo',
		en: 'model',
		section: 'models',
		example: { it: 'model: ai/smollm2', en: 'model: ai/smollm2' },
	},
} as const;

/** Secrets, configs (also of the build) and models a service uses must be declared at the top. */
function checkGrants(file: ComposeFile, name: string, service: Service): Issue[] {
	const base = ['services', name];
	const build = isObject(service.build) ? service.build : undefined;
	const models = Array.isArray(service.models)
		? service.models.map((model, i) => ({ name: model, path: [...base, 'models', i] }))
		: Object.keys(service.models ?? {}).map((model) => ({
				name: model,
				path: [...base, 'models', model],
				at: 'key' as const,
			}));
	const used: [keyof typeof kinds, { name: string; path: Path; at?: 'key' }[]][] = [
		['secrets', grants(service.secrets, [...base, 'secrets'])],
		['secrets', grants(build?.secrets, [...base, 'build', 'secrets'])],
		['configs', grants(service.configs, [...base, 'configs'])],
		['models', models],
	];
	return used.flatMap(([section, entries]) => {
		const kind = kinds[section];
		const declared = Object.keys(file[section] ?? {});
		return entries
			.filter((entry) => !declared.includes(entry.name) && !isInterpolated(entry.name))
			.map((entry) =>
				issue(
					kind.rule,
					'error',
					entry.path,
					{
						it: `Il servizio ${name} usa ${kind.it} "${entry.name}", che non è ${kind.declared} nella sezione ${kind.section} al primo livello: Docker Compose rifiuta il file. ${kind.add} lì, ad esempio "${entry.name}:" con sotto "${kind.example.it}".${didYouMean(entry.name, declared).it}`,
						en: `Service ${name} uses ${kind.en} "${entry.name}", which is not declared in the top-level ${kind.section} section: Docker Compose refuses the file. Add it there, for example "${entry.name}:" with "${kind.example.en}" below it.${didYouMean(entry.name, declared).en}`,
					},
					entry.at
				)
			);
	});
}

/** Pairs of keys of a service that Compose refuses together. */
function checkExclusive(name: string, service: Service): Issue[] {
	const base = ['services', name];
	const issues: Issue[] = [];
	const conflict = (path: Path, message: Localized<string>) =>
		issues.push(issue('conflicting-keys', 'error', path, message, 'key'));
	if (service.network_mode !== undefined && service.networks !== undefined)
		conflict([...base, 'network_mode'], {
			it: `Il servizio ${name} ha sia network_mode sia networks, che si escludono: con network_mode il container non si collega alle reti del file. Docker Compose rifiuta il file: tieni solo uno dei due.`,
			en: `Service ${name} has both network_mode and networks, which exclude each other: with network_mode the container joins none of the file's networks. Docker Compose refuses the file: keep only one of the two.`,
		});
	const build = isObject(service.build) ? service.build : undefined;
	if (build?.dockerfile !== undefined && build.dockerfile_inline !== undefined)
		conflict([...base, 'build', 'dockerfile_inline'], {
			it: `La build di ${name} ha sia dockerfile (un file) sia dockerfile_inline (il Dockerfile scritto qui): Docker Compose rifiuta il file perché non sa quale usare. Tieni solo uno dei due.`,
			en: `The build of ${name} has both dockerfile (a file) and dockerfile_inline (the Dockerfile written here): Docker Compose refuses the file because it cannot tell which to use. Keep only one of the two.`,
		});
	const deploy: unknown = service.deploy;
	const same = (own: string, deployPath: Path, label: string) => {
		const mine = literalNumber(service[own]);
		const theirs = literalNumber(valueAt(deploy, deployPath));
		if (mine === undefined || theirs === undefined || mine === theirs) return;
		conflict([...base, own], {
			it: `${own}: ${mine} e deploy.${deployPath.join('.')}: ${theirs} dicono la stessa cosa (${label.split('|')[0] ?? ''}) con valori diversi: Docker Compose rifiuta il file. Tieni uno solo dei due, o dai loro lo stesso valore.`,
			en: `${own}: ${mine} and deploy.${deployPath.join('.')}: ${theirs} say the same thing (${label.split('|')[1] ?? ''}) with different values: Docker Compose refuses the file. Keep only one of them, or give both the same value.`,
		});
	};
	same('scale', ['replicas'], 'quante repliche avviare|how many replicas to run');
	same('cpus', ['resources', 'limits', 'cpus'], 'il limite di CPU|the CPU limit');
	same('pids_limit', ['resources', 'limits', 'pids'], 'il limite di processi|the process limit');
	const gpus = [
		...(Array.isArray(service.gpus) ? service.gpus.map((g, i) => [g, ['gpus', i]] as const) : []),
		...(() => {
			const devices = valueAt(deploy, ['resources', 'reservations', 'devices']);
			return Array.isArray(devices)
				? devices.map(
						(d: unknown, i) => [d, ['deploy', 'resources', 'reservations', 'devices', i]] as const
					)
				: [];
		})(),
	];
	for (const [device, at] of gpus)
		if (isObject(device) && device.count !== undefined && device.device_ids !== undefined)
			conflict([...base, ...at, 'device_ids'], {
				it: `Una richiesta di dispositivi di ${name} ha sia count sia device_ids: Docker Compose rifiuta il file. Usa count per dire quante GPU, oppure device_ids per dire quali.`,
				en: `A device request of ${name} has both count and device_ids: Docker Compose refuses the file. Use count to say how many GPUs, or device_ids to say which.`,
			});
	return issues;
}

/** A fixed container name can be given to one container only. */
function checkReplicas(name: string, service: Service): Issue[] {
	if (service.container_name === undefined) return [];
	const scale = literalNumber(service.scale);
	const replicas = literalNumber(valueAt(service.deploy, ['replicas']));
	const count = scale ?? replicas;
	if (count === undefined || count <= 1) return [];
	const key = scale === undefined ? 'deploy.replicas' : 'scale';
	return [
		issue(
			'container-name-with-replicas',
			'error',
			['services', name, 'container_name'],
			{
				it: `Il servizio ${name} chiede ${count} repliche (${key}) ma ha container_name: ${service.container_name}, e due container non possono avere lo stesso nome. Docker Compose rifiuta il file: togli container_name (Compose numera i container da solo) oppure tieni una sola replica.`,
				en: `Service ${name} asks for ${count} replicas (${key}) but has container_name: ${service.container_name}, and two containers cannot share a name. Docker Compose refuses the file: remove container_name (Compose numbers the containers itself) or keep one replica.`,
			},
			'key'
		),
	];
}

/** A published port of a service that is only on internal networks is reachable from nowhere. */
function checkInternalPorts(file: ComposeFile, name: string, service: Service): Issue[] {
	if (!service.ports?.length || service.network_mode !== undefined) return [];
	const joined = serviceNetworks(service).map(({ link }) => link.network);
	const networks = joined.length ? joined : ['default'];
	const internal = (network: string) => {
		const declared = file.networks?.[network];
		return declared?.internal === true || declared?.internal === 'true';
	};
	if (!networks.every(internal)) return [];
	return [
		issue(
			'port-on-internal-network',
			'warning',
			['services', name, 'ports'],
			{
				it: `Il servizio ${name} pubblica delle porte ma sta solo su reti internal (${networks.join(', ')}), che non hanno collegamento con l'esterno: dall'host quelle porte non si raggiungono. Collega ${name} anche a una rete non internal, oppure togli ports.`,
				en: `Service ${name} publishes ports but is only on internal networks (${networks.join(', ')}), which have no link to the outside: those ports cannot be reached from the host. Connect ${name} to a network that is not internal too, or remove ports.`,
			},
			'key'
		),
	];
}

/** Two mounts (volumes or tmpfs) on the same path of the container. */
function checkMountTargets(name: string, service: Service): Issue[] {
	const seen = new Map<string, Path>();
	const issues: Issue[] = [];
	const clean = (target: string) => target.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');
	const add = (target: string, path: Path) => {
		if (isInterpolated(target)) return;
		const key = clean(target);
		const first = seen.get(key);
		if (!first) {
			seen.set(key, path);
			return;
		}
		const where = first.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('');
		issues.push(
			issue('duplicate-mount-target', 'error', ['services', name, ...path], {
				it: `Il servizio ${name} monta due cose sullo stesso percorso ${key} (l'altra è in ${where.slice(1)}): Docker Compose rifiuta il file. Cambia la destinazione di una delle due.`,
				en: `Service ${name} mounts two things on the same path ${key} (the other is at ${where.slice(1)}): Docker Compose refuses the file. Change the target of one of them.`,
			})
		);
	};
	const tmpfs = typeof service.tmpfs === 'string' ? [service.tmpfs] : (service.tmpfs ?? []);
	tmpfs.forEach((entry, i) =>
		add(entry.split(':')[0] ?? entry, typeof service.tmpfs === 'string' ? ['tmpfs'] : ['tmpfs', i])
	);
	(service.volumes ?? []).forEach((entry, i) => {
		const parsed = parseMount(entry);
		if (parsed.ok && parsed.mount) add(parsed.mount.target, ['volumes', i]);
	});
	return issues;
}

/** The list form of `healthcheck.test` starts with how to run the command. */
function checkHealthcheck(name: string, service: Service): Issue[] {
	const test = service.healthcheck?.test;
	if (!Array.isArray(test) || !test.length) return [];
	const [first = ''] = test;
	if (['CMD', 'CMD-SHELL', 'NONE'].includes(first) || isInterpolated(first)) return [];
	return [
		issue('invalid-value', 'error', ['services', name, 'healthcheck', 'test', 0], {
			it: `La lista di healthcheck.test di ${name} deve iniziare con CMD (il comando e i suoi argomenti), CMD-SHELL (una riga per la shell) o NONE, non con "${first}": Docker Compose rifiuta il file. Ad esempio ["CMD", "curl", "-f", "http://localhost"], oppure una stringa sola per la shell.`,
			en: `The healthcheck.test list of ${name} must start with CMD (the command and its arguments), CMD-SHELL (a line for the shell) or NONE, not with "${first}": Docker Compose refuses the file. For example ["CMD", "curl", "-f", "http://localhost"], or a single string for the shell.`,
		}),
	];
}

/** `develop.watch` rules that copy files need to say where to. */
function checkWatch(name: string, service: Service): Issue[] {
	const watch = valueAt(service.develop, ['watch']);
	if (!Array.isArray(watch)) return [];
	return watch.flatMap((rule: unknown, i) => {
		if (!isObject(rule) || rule.target !== undefined) return [];
		if (typeof rule.action !== 'string' || ['rebuild', 'restart'].includes(rule.action)) return [];
		return [
			issue('invalid-value', 'error', ['services', name, 'develop', 'watch', i], {
				it: `La regola di develop.watch di ${name} con action: ${rule.action} copia dei file nel container, ma non dice dove: aggiungi target (il percorso nel container, ad esempio /app). Senza, Docker Compose rifiuta il file.`,
				en: `The develop.watch rule of ${name} with action: ${rule.action} copies files into the container but does not say where: add target (the path in the container, for example /app). Without it Docker Compose refuses the file.`,
			}),
		];
	});
}

/** An external resource is only looked up by name: other settings are refused or ignored. */
function checkExternal(file: ComposeFile): Issue[] {
	const sections = [
		['volumes', file.volumes, 'error'],
		['networks', file.networks, 'warning'],
	] as const;
	return sections.flatMap(([section, entries, severity]) =>
		Object.entries(entries ?? {}).flatMap(([name, resource]) => {
			if (!resource || !isExternal(resource.external)) return [];
			const extra = Object.keys(resource).filter(
				(key) => !['name', 'external'].includes(key) && !key.startsWith('x-')
			);
			const [first] = extra;
			if (first === undefined) return [];
			const listed = extra.join(', ');
			const plural = extra.length > 1;
			const volume = section === 'volumes';
			const what = volume
				? { it: `Il volume ${name}`, en: `Volume ${name}` }
				: { it: `La rete ${name}`, en: `Network ${name}` };
			const outcome = volume
				? { it: 'Docker Compose rifiuta il file', en: 'Docker Compose refuses the file' }
				: {
						it: 'La specifica Compose dichiara il file non valido, e Docker Compose ignora queste impostazioni',
						en: 'The Compose Specification calls the file invalid, and Docker Compose ignores these settings',
					};
			return [
				issue(
					'external-with-options',
					severity,
					[section, name, first],
					{
						it: `${what.it} è external (esiste già, creato fuori da questo file), quindi ${listed} non ${plural ? 'servono' : 'serve'}: Compose lo cerca solo per nome. ${outcome.it}: togli ${listed}, oppure togli external se vuoi che sia Compose a crearlo.`,
						en: `${what.en} is external (it already exists, made outside this file), so ${listed} ${plural ? 'are' : 'is'} of no use: Compose only looks it up by name. ${outcome.en}: remove ${listed}, or remove external if Compose should create it.`,
					},
					'key'
				),
			];
		})
	);
}

/** A secret or config must say where its content comes from, in exactly one way. */
function checkSources(file: ComposeFile): Issue[] {
	const sections: ['secrets' | 'configs', Record<string, Record<string, unknown>>, string[]][] = [
		['secrets', file.secrets ?? {}, ['file', 'environment']],
		['configs', file.configs ?? {}, ['file', 'environment', 'content']],
	];
	return sections.flatMap(([section, entries, keys]) =>
		Object.entries(entries).flatMap(([name, resource]): Issue[] => {
			if (isExternal(resource.external)) return [];
			const given = keys.filter((key) => resource[key] !== undefined);
			const what =
				section === 'secrets'
					? { it: 'Il segreto', en: 'Secret' }
					: { it: 'La configurazione', en: 'Config' };
			const options = keys.join(', ');
			if (given.length > 1)
				return [
					issue('resource-source', 'error', [section, name, given[1] ?? ''], {
						it: `${what.it} ${name} ha sia ${given.join(' sia ')}: il contenuto deve venire da una sola fonte. Docker Compose rifiuta il file: tieni solo una tra ${options}.`,
						en: `${what.en} ${name} has both ${given.join(' and ')}: its content must come from one source only. Docker Compose refuses the file: keep only one of ${options}.`,
					}),
				];
			if (given.length) return [];
			return [
				issue(
					'resource-source',
					'error',
					[section, name],
					{
						it: `${what.it} ${name} non dice da dove viene il suo contenuto: Docker Compose rifiuta il file. Aggiungi una tra ${options} (ad esempio file: ./${name}.txt), oppure external: true se esiste già.`,
						en: `${what.en} ${name} does not say where its content comes from: Docker Compose refuses the file. Add one of ${options} (for example file: ./${name}.txt), or external: true if it already exists.`,
					},
					'key'
				),
			];
		})
	);
}
