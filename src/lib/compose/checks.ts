/**
 * The checks the schema cannot make: references between services, networks and volumes, subnets
 * and addresses, ports that collide, dependencies in a circle. Each issue names what is wrong and
 * how to fix it, in Italian and English.
 */
import type { Localized } from '../i18n/locale.ts';
import type { Severity } from '../findings.ts';
import type { Issue, Path, RuleId } from './finding.ts';
import { checkConsistency } from './consistency.ts';
import { isInterpolated } from './interpolation.ts';
import { checkQuantities } from './quantities.ts';
import { checkCidr, formatCidr, inCidr, parseIp, type Cidr } from './ip.ts';
import { isExternal, serviceDependencies, serviceNetworks } from './model.ts';
import { parseMount } from './mounts.ts';
import { formatMapping, overlaps, parsePort, type PortMapping, type PortRange } from './ports.ts';
import { isRecord, type ComposeFile, type Network, type Service } from './schema.ts';
import { closest } from './suggest.ts';

interface Context {
	file: ComposeFile;
	services: [string, Service][];
}

/** Runs every check on a validated file. */
export function checkCompose(file: ComposeFile): Issue[] {
	const context = { file, services: Object.entries(file.services ?? {}) };
	return [
		checkTopLevel,
		checkServices,
		checkPorts,
		checkReferences,
		checkCycles,
		checkNetworks,
		checkVolumes,
	]
		.flatMap((check) => check(context))
		.concat(checkConsistency(file), checkQuantities(file));
}

const issue = (
	rule: RuleId,
	severity: Severity,
	path: Path,
	message: Localized<string>,
	at?: 'key'
): Issue => ({ rule, severity, path, message, ...(at && { at }) });

/** `a, b e c` / `a, b and c`. */
function joined(words: readonly string[], and: string): string {
	return words.length < 2
		? (words[0] ?? '')
		: `${words.slice(0, -1).join(', ')} ${and} ${words.at(-1) ?? ''}`;
}

/** ` Forse intendevi "db"?` when a declared name is close to the one written. */
function didYouMean(name: string, candidates: Iterable<string>): Localized<string> {
	const suggestion = closest(name, candidates);
	return suggestion
		? { it: ` Forse intendevi "${suggestion}"?`, en: ` Did you mean "${suggestion}"?` }
		: { it: '', en: '' };
}

function checkTopLevel({ file, services }: Context): Issue[] {
	const issues: Issue[] = [];
	if (file.version !== undefined)
		issues.push(
			issue(
				'obsolete-version',
				'warning',
				['version'],
				{
					it: 'La chiave version è obsoleta: Docker Compose la ignora e stampa un avviso. Puoi cancellare la riga.',
					en: 'The version key is obsolete: Docker Compose ignores it and prints a warning. You can delete the line.',
				},
				'key'
			)
		);
	// `docker compose config` accepts a file without services (a base for `include`, or shared
	// networks and volumes); only `docker compose up` then answers "no service selected".
	if (!services.length && !file.include) {
		const declares = ['networks', 'volumes', 'secrets', 'configs', 'models'] as const;
		const shared = declares.filter((key) => Object.keys(file[key] ?? {}).length);
		issues.push(
			issue(
				'no-services',
				shared.length ? 'info' : 'warning',
				file.services ? ['services'] : [],
				shared.length
					? {
							it: `Il file non definisce servizi, solo ${joined(shared, 'e')}: Docker Compose lo accetta (può fare da base per altri file), ma docker compose up risponde "no service selected". Aggiungi una sezione services se vuoi avviare dei container.`,
							en: `The file defines no service, only ${joined(shared, 'and')}: Docker Compose accepts it (it can serve as a base for other files), but docker compose up answers "no service selected". Add a services section to start containers.`,
						}
					: {
							it: 'Il file non definisce nessun servizio, quindi non avvia nulla: aggiungi una sezione services con almeno un servizio (ad esempio web con image: nginx).',
							en: 'The file defines no service, so it starts nothing: add a services section with at least one service (for example web with image: nginx).',
						}
			)
		);
	}
	return issues;
}

function checkServices({ services }: Context): Issue[] {
	return services.flatMap(([name, service]) => {
		const path = ['services', name];
		const issues: Issue[] = [];
		if (!/^[a-zA-Z0-9._-]+$/.test(name))
			issues.push(
				issue(
					'invalid-value',
					'error',
					path,
					{
						it: `Il nome di servizio "${name}" non è valido: usa solo lettere, cifre, punto, trattino e trattino basso.`,
						en: `The service name "${name}" is not valid: use only letters, digits, dots, dashes and underscores.`,
					},
					'key'
				)
			);
		// A service that extends another may inherit its image; a provider plugin needs none.
		const needsImage = !service.extends && !service.provider;
		if (needsImage && service.image === undefined && service.build === undefined)
			issues.push(
				issue(
					'no-image-or-build',
					'error',
					path,
					{
						it: `Il servizio ${name} non ha né image né build: Compose non sa da cosa creare il container. Aggiungi image (un'immagine da scaricare, es. nginx) oppure build (la cartella con il Dockerfile).`,
						en: `Service ${name} has neither image nor build: Compose does not know what to create the container from. Add image (an image to pull, e.g. nginx) or build (the folder with the Dockerfile).`,
					},
					'key'
				)
			);
		if (service.network_mode === 'host' && service.ports?.length)
			issues.push(
				issue(
					'ports-with-host-network',
					'warning',
					[...path, 'ports'],
					{
						it: `Con network_mode: host il servizio ${name} usa direttamente la rete dell'host, quindi ports viene ignorato: il programma ascolta già sulle porte dell'host. Togli ports, oppure togli network_mode: host.`,
						en: `With network_mode: host, service ${name} uses the host's network directly, so ports is ignored: the program already listens on the host's ports. Remove ports, or remove network_mode: host.`,
					},
					'key'
				)
			);
		(service.volumes ?? []).forEach((entry, i) => {
			const parsed = parseMount(entry);
			if (!parsed.ok)
				issues.push(issue('invalid-value', 'error', [...path, 'volumes', i], parsed.problem));
		});
		return issues;
	});
}

function checkPorts({ services }: Context): Issue[] {
	const issues: Issue[] = [];
	const published: Published[] = [];
	for (const [name, service] of services) {
		(service.ports ?? []).forEach((entry, i) => {
			const parsed = parsePort(entry);
			const path = ['services', name, 'ports', i];
			if (!parsed.ok) {
				issues.push(issue('invalid-port', 'error', path, parsed.problem));
				return;
			}
			const mapping = parsed.mapping;
			const range = mapping?.published;
			// With the host's network the ports are ignored (reported above), so they cannot collide.
			if (!mapping || !range || service.network_mode === 'host') return;
			const clash = published.find(
				(other) =>
					other.mapping.protocol === mapping.protocol &&
					sameHostAddress(other.mapping.hostIp, mapping.hostIp) &&
					overlaps(other.range, range)
			);
			if (clash) issues.push(portConflict(name, mapping, clash, path));
			published.push({ service: name, mapping, range });
		});
		(service.expose ?? []).forEach((entry, i) => {
			const parsed = parsePort(String(entry));
			const containerOnly = !parsed.ok || !parsed.mapping || !parsed.mapping.published;
			if (parsed.ok && containerOnly) return;
			issues.push(
				issue(
					'invalid-port',
					'error',
					['services', name, 'expose', i],
					parsed.ok
						? {
								it: `expose accetta solo porte del container (es. "3000" o "53/udp"), non "${entry}": per pubblicare una porta sull'host usa ports.`,
								en: `expose takes only container ports (e.g. "3000" or "53/udp"), not "${entry}": to publish a port on the host use ports.`,
							}
						: parsed.problem
				)
			);
		});
	}
	return issues;
}

interface Published {
	service: string;
	mapping: PortMapping;
	range: PortRange;
}

function sameHostAddress(a: string | undefined, b: string | undefined): boolean {
	const any = (ip: string | undefined) => ip === undefined || ip === '0.0.0.0' || ip === '::';
	return any(a) || any(b) || a === b;
}

function portConflict(name: string, mapping: PortMapping, clash: Published, path: Path): Issue {
	const [mine, theirs] = [mapping, clash.mapping].map((m) => formatMapping(m, '*'));
	const other =
		clash.service === name
			? { it: "da un'altra voce dello stesso servizio", en: 'by another entry of the same service' }
			: { it: `dal servizio ${clash.service}`, en: `by service ${clash.service}` };
	return issue('port-conflict', 'error', path, {
		it: `${name} pubblica ${mine}, ma quella porta dell'host è già usata ${other.it} (${theirs}). Due container non possono ascoltare sulla stessa porta dell'host: cambia il numero a sinistra, ad esempio in ${(mapping.published?.start ?? 0) + 1}.`,
		en: `${name} publishes ${mine}, but that host port is already used ${other.en} (${theirs}). Two containers cannot listen on the same host port: change the number on the left, for example to ${(mapping.published?.start ?? 0) + 1}.`,
	});
}

function checkReferences({ services }: Context): Issue[] {
	const names = services.map(([name]) => name);
	const missing = (from: string, path: Path, target: string, via: string, at?: 'key'): Issue[] =>
		names.includes(target)
			? []
			: [
					issue(
						'undefined-service',
						'error',
						path,
						{
							it: `${via} di ${from} nomina il servizio "${target}", che non esiste in questo file.${didYouMean(target, names).it}`,
							en: `${via} of ${from} names service "${target}", which does not exist in this file.${didYouMean(target, names).en}`,
						},
						at
					),
				];
	return services.flatMap(([name, service]) => {
		const path = ['services', name];
		const ext = service.extends;
		const extended = typeof ext === 'string' ? ext : ext && !ext.file ? ext.service : undefined;
		return [
			...serviceDependencies(service).flatMap(({ dependency, path: at }) =>
				missing(name, [...path, ...at], dependency.service, 'depends_on', keyIfMap(at))
			),
			...(extended === undefined ? [] : missing(name, [...path, 'extends'], extended, 'extends')),
			...implicitDependencies(service).flatMap(({ service: target, path: at, via }) =>
				missing(name, [...path, ...at], target, via)
			),
		];
	});
}

/**
 * The services a service needs without `depends_on`: Compose starts them first all the same, so
 * they must exist and take part in the circles of dependencies.
 */
function implicitDependencies(service: Service): { service: string; path: Path; via: string }[] {
	const found: { service: string; path: Path; via: string }[] = [];
	(service.links ?? []).forEach((link, i) =>
		found.push({ service: link.split(':')[0] ?? link, path: ['links', i], via: 'links' })
	);
	(service.volumes_from ?? []).forEach((entry, i) => {
		if (entry.startsWith('container:') || isInterpolated(entry)) return;
		found.push({
			service: entry.split(':')[0] ?? entry,
			path: ['volumes_from', i],
			via: 'volumes_from',
		});
	});
	for (const key of ['network_mode', 'ipc', 'pid', 'uts', 'cgroup'] as const) {
		const shared = /^service:(.+)$/.exec(String(service[key] ?? ''))?.[1];
		if (shared !== undefined && !isInterpolated(shared))
			found.push({ service: shared, path: [key], via: key });
	}
	const contexts: unknown = isRecord(service.build) ? service.build.additional_contexts : undefined;
	const entries: [string, unknown][] = Array.isArray(contexts)
		? contexts.map((entry: unknown, i) => [String(i), entry])
		: isRecord(contexts)
			? Object.entries(contexts)
			: [];
	for (const [key, value] of entries) {
		const target = typeof value === 'string' ? /^service:(.+)$/.exec(value)?.[1] : undefined;
		if (target === undefined) continue;
		const at = Array.isArray(contexts) ? Number(key) : key;
		found.push({
			service: target,
			path: ['build', 'additional_contexts', at],
			via: 'build.additional_contexts',
		});
	}
	return found;
}

/** In the map form (`depends_on: { db: … }`) the name is a key; in the list form, a value. */
function keyIfMap(path: Path): 'key' | undefined {
	return typeof path.at(-1) === 'string' ? 'key' : undefined;
}

/** Finds each circle of `depends_on` once, walking without recursion. */
function checkCycles({ services }: Context): Issue[] {
	const names = new Set(services.map(([name]) => name));
	const edges = new Map(
		services.map(([name, service]) => [
			name,
			[
				...serviceDependencies(service).map(({ dependency, path }) => ({
					target: dependency.service,
					path,
				})),
				...implicitDependencies(service).map(({ service: target, path }) => ({ target, path })),
			].filter(({ target }) => names.has(target)),
		])
	);
	const state = new Map<string, 'open' | 'done'>();
	const seen = new Set<string>();
	const issues: Issue[] = [];
	for (const [start] of services) {
		if (state.has(start)) continue;
		const stack: { name: string; next: number }[] = [{ name: start, next: 0 }];
		state.set(start, 'open');
		while (stack.length) {
			const top = stack[stack.length - 1];
			if (!top) break;
			const edge = edges.get(top.name)?.[top.next++];
			if (!edge) {
				state.set(top.name, 'done');
				stack.pop();
				continue;
			}
			const { target } = edge;
			if (state.get(target) === 'open') {
				const members = stack.slice(stack.findIndex((frame) => frame.name === target));
				const key = members
					.map((frame) => frame.name)
					.sort()
					.join('\0');
				if (seen.has(key)) continue;
				seen.add(key);
				const circle = [...members.map((frame) => frame.name), target].join(' → ');
				issues.push(
					issue('depends-on-cycle', 'error', ['services', top.name, ...edge.path], {
						it: `Dipendenze in cerchio: ${circle}. Compose non sa quale servizio avviare per primo: togli una di queste dipendenze.`,
						en: `Dependencies in a circle: ${circle}. Compose cannot tell which service to start first: remove one of these dependencies.`,
					})
				);
			} else if (!state.has(target)) {
				state.set(target, 'open');
				stack.push({ name: target, next: 0 });
			}
		}
	}
	return issues;
}

/** The subnets of a network; `undefined` for one too broken to check addresses against. */
function subnetsOf(network: Network): (Cidr | undefined)[] {
	return (network?.ipam?.config ?? []).flatMap((block) => {
		if (block.subnet === undefined) return [];
		const checked = checkCidr(block.subnet);
		return [checked.ok || 'cidr' in checked ? checked.cidr : undefined];
	});
}

function checkNetworks({ file, services }: Context): Issue[] {
	const networks = file.networks ?? {};
	const declared = Object.keys(networks);
	const issues: Issue[] = [];
	for (const [name, network] of Object.entries(networks)) {
		(network?.ipam?.config ?? []).forEach((block, i) => {
			const path = ['networks', name, 'ipam', 'config', i];
			for (const key of ['subnet', 'ip_range'] as const) {
				const value = block[key];
				const problem = value === undefined ? undefined : cidrProblem(value);
				if (problem) issues.push(issue('invalid-cidr', 'error', [...path, key], problem));
			}
			const subnet = block.subnet === undefined ? undefined : checkCidr(block.subnet);
			const cidr = subnet && (subnet.ok || 'cidr' in subnet) ? subnet.cidr : undefined;
			if (block.gateway !== undefined && cidr)
				issues.push(...addressIssues([...path, 'gateway'], block.gateway, name, [cidr]));
		});
	}
	for (const [service, definition] of services) {
		for (const { link, path: at } of serviceNetworks(definition)) {
			const path = ['services', service, ...at];
			if (link.network !== 'default' && !Object.hasOwn(networks, link.network)) {
				issues.push(
					issue(
						'undefined-network',
						'error',
						path,
						{
							it: `Il servizio ${service} usa la rete "${link.network}", che non è dichiarata nella sezione networks al primo livello. Aggiungila lì (basta "${link.network}: {}").${didYouMean(link.network, declared).it}`,
							en: `Service ${service} uses network "${link.network}", which is not declared in the top-level networks section. Add it there ("${link.network}: {}" is enough).${didYouMean(link.network, declared).en}`,
						},
						keyIfMap(at)
					)
				);
				continue;
			}
			const network = networks[link.network] ?? null;
			// An external network was made elsewhere, with a subnet this file cannot see.
			if (isExternal(network?.external)) continue;
			const subnets = subnetsOf(network);
			if (link.ipv4Address !== undefined)
				issues.push(
					...addressIssues([...path, 'ipv4_address'], link.ipv4Address, link.network, subnets, 4)
				);
			if (link.ipv6Address !== undefined)
				issues.push(
					...addressIssues([...path, 'ipv6_address'], link.ipv6Address, link.network, subnets, 16)
				);
		}
	}
	return issues;
}

function cidrProblem(text: string): Localized<string> | undefined {
	if (isInterpolated(text)) return undefined;
	const checked = checkCidr(text);
	if (checked.ok) return undefined;
	switch (checked.problem) {
		case 'short':
			return {
				it: `"${text}" non è un CIDR valido: un indirizzo IPv4 ha sempre quattro numeri separati da punti, anche quando finisce con degli zeri. Scrivi ${checked.fix}.`,
				en: `"${text}" is not valid CIDR: an IPv4 address always has four dot-separated numbers, even when it ends in zeros. Write ${checked.fix}.`,
			};
		case 'host-bits':
			return {
				it: `"${text}" ha dei bit impostati oltre il prefisso /${checked.cidr.prefix}: l'indirizzo di una rete ha la parte degli host tutta a zero. Scrivi ${checked.fix}.`,
				en: `"${text}" has bits set past its /${checked.cidr.prefix} prefix: a network address has its host part all zeros. Write ${checked.fix}.`,
			};
		case 'prefix':
			return {
				it: `Il prefisso di "${text}" è troppo lungo: al massimo /32 per IPv4 e /128 per IPv6.`,
				en: `The prefix of "${text}" is too long: at most /32 for IPv4 and /128 for IPv6.`,
			};
		case 'syntax':
			return {
				it: `"${text}" non è una sottorete in notazione CIDR: scrivi INDIRIZZO/PREFISSO, ad esempio 192.168.100.0/24.`,
				en: `"${text}" is not a subnet in CIDR notation: write ADDRESS/PREFIX, for example 192.168.100.0/24.`,
			};
	}
}

/**
 * Checks a fixed address (or a gateway) against the subnets of its network.
 * @param bytes The family the key requires (4 for `ipv4_address`); any for a gateway.
 */
function addressIssues(
	path: Path,
	text: string,
	network: string,
	subnets: (Cidr | undefined)[],
	bytes?: 4 | 16
): Issue[] {
	if (isInterpolated(text)) return [];
	const address = parseIp(text);
	const family = (bytes ?? address?.length) === 16 ? 'IPv6' : 'IPv4';
	if (!address || (bytes && address.length !== bytes))
		return [
			issue('invalid-value', 'error', path, {
				it: `"${text}" non è un indirizzo ${family} valido.`,
				en: `"${text}" is not a valid ${family} address.`,
			}),
		];
	const candidates = subnets.filter((cidr) => !cidr || cidr.address.length === address.length);
	if (!candidates.length)
		return [
			issue('ip-outside-subnet', 'error', path, {
				it: `La rete ${network} non dichiara una sottorete ${family}, e Docker assegna un indirizzo fisso solo su reti con una sottorete scritta in ipam.config. Aggiungi a ${network} un blocco ipam con una subnet che contenga ${text}.`,
				en: `Network ${network} declares no ${family} subnet, and Docker assigns a fixed address only on networks with a subnet written in ipam.config. Give ${network} an ipam block with a subnet that contains ${text}.`,
			}),
		];
	// A subnet too broken to read is reported on its own; do not guess around it.
	if (candidates.some((cidr) => !cidr || inCidr(address, cidr))) return [];
	const written = candidates.flatMap((cidr) => (cidr ? [formatCidr(cidr)] : [])).join(', ');
	return [
		issue('ip-outside-subnet', 'error', path, {
			it: `L'indirizzo ${text} non appartiene alla sottorete della rete ${network} (${written}): scegli un indirizzo dentro la sottorete, oppure cambia la sottorete.`,
			en: `Address ${text} is not inside the subnet of network ${network} (${written}): pick an address inside the subnet, or change the subnet.`,
		}),
	];
}

function checkVolumes({ file, services }: Context): Issue[] {
	const declared = Object.keys(file.volumes ?? {});
	return services.flatMap(([service, definition]) =>
		(definition.volumes ?? []).flatMap((entry, i) => {
			const parsed = parseMount(entry);
			const source = parsed.ok && parsed.mount?.kind === 'named' ? parsed.mount.source : undefined;
			if (source === undefined || declared.includes(source) || isInterpolated(source)) return [];
			return [
				issue('undefined-volume', 'error', ['services', service, 'volumes', i], {
					it: `Il servizio ${service} monta il volume "${source}", che non è dichiarato nella sezione volumes al primo livello. Aggiungi "${source}:" a quella sezione; se invece volevi una cartella dell'host, scrivi il percorso con ./ davanti (./${source}).${didYouMean(source, declared).it}`,
					en: `Service ${service} mounts volume "${source}", which is not declared in the top-level volumes section. Add "${source}:" to that section; if you meant a host folder instead, write the path with ./ in front (./${source}).${didYouMean(source, declared).en}`,
				}),
			];
		})
	);
}
