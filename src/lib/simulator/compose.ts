/**
 * `docker compose …` over the project's `compose.yaml`: the file is read and checked by the
 * course's Compose checker (a file with errors fails with the first one, as Compose does), then
 * `up` makes the networks, volumes and containers in dependency order with the progress lines of
 * Compose v5's plain writer (` Container NAME Started`: a space, the resource, its status; the
 * trailing space its `Fprintln` leaves is dropped), and `ps`, `logs`, `exec`, `stop`, `start`,
 * `restart`, `down`, `config` act on the project's containers.
 */
import { stringify } from 'yaml';
import { inspectCompose } from '../compose/inspect.ts';
import { buildModel, type TopologyModel } from '../compose/model.ts';
import type { ComposeFile, Service } from '../compose/schema.ts';
import { buildImage, storeImage } from './build.ts';
import {
	commandColumn,
	portsColumn,
	removeContainer,
	startContainer,
	statusColumn,
	stopContainer,
} from './containers.ts';
import { fail, ok, type Answer, type Context } from './context.ts';
import type { MessageId } from './messages.ts';
import { humanDuration, table } from './format.ts';
import { findImage, withTag } from './host.ts';
import { ensureImage } from './images.ts';
import { absoluteHostPath, runInside } from './inside.ts';
import { createNetwork } from './networks.ts';
import { hex } from './random.ts';
import type { Container, MountPoint, PortBinding } from './types.ts';
import { tokenize } from './words.ts';

/** One service's place in the start order. */
export interface PlanStep {
	service: string;
	container: string;
	/** What it waits for before starting. */
	waitsFor: {
		service: string;
		condition: 'service_started' | 'service_healthy' | 'service_completed_successfully';
	}[];
	/** Whether the service has a healthcheck others can wait on. */
	healthcheck: boolean;
}

/** Who reaches whom by name, on which network. */
export interface PlanReach {
	from: string;
	to: string;
	network: string;
	/** The names that resolve: the service, its aliases, the container's name. */
	names: string[];
}

/** What `docker compose up` would do, in order. */
export interface ComposePlan {
	project: string;
	networks: { name: string; fullName: string; internal: boolean; external: boolean }[];
	volumes: { name: string; fullName: string; external: boolean }[];
	steps: PlanStep[];
	reach: PlanReach[];
	hostPorts: {
		service: string;
		hostIp: string;
		published: number;
		target: number;
		protocol: string;
	}[];
}

interface Project {
	name: string;
	file: ComposeFile;
	model: TopologyModel;
	order: string[];
}

/** Services sorted so that each comes after what it depends on; file order otherwise. */
function startOrder(model: TopologyModel): string[] {
	const order: string[] = [];
	const visit = (name: string, path: Set<string>) => {
		if (order.includes(name) || path.has(name)) return;
		const service = model.services.find((s) => s.name === name);
		if (!service) return;
		path.add(name);
		for (const dependency of service.dependsOn) visit(dependency.service, path);
		order.push(name);
	};
	for (const service of model.services) visit(service.name, new Set());
	return order;
}

/** A file's first error: where, and why in both languages. */
interface Problem {
	where: string;
	it: string;
	en: string;
}

function loadProject(
	text: string,
	fallbackName: string
): Project | { errors: string[]; first?: Problem } {
	const inspection = inspectCompose(text);
	const errors = inspection.findings.filter((f) => f.severity === 'error');
	if (errors.length || !inspection.file) {
		const first = errors[0];
		return {
			errors: errors.map((f) => f.message.en),
			...(first && {
				first: { where: first.path.join('.'), it: first.message.it, en: first.message.en },
			}),
		};
	}
	const file = inspection.file;
	const model = buildModel(file);
	const name = (typeof file.name === 'string' ? file.name : fallbackName).toLowerCase();
	return { name, file, model, order: startOrder(model) };
}

const networkName = (project: Project, network: string) => {
	const declared = project.file.networks?.[network];
	const external = declared && typeof declared === 'object' && declared.external;
	if (declared && typeof declared === 'object' && typeof declared.name === 'string')
		return declared.name;
	return external ? network : `${project.name}_${network}`;
};
const volumeName = (project: Project, volume: string) => {
	const declared = project.file.volumes?.[volume];
	if (declared && typeof declared === 'object' && typeof declared.name === 'string')
		return declared.name;
	return declared && typeof declared === 'object' && declared.external
		? volume
		: `${project.name}_${volume}`;
};
const containerOf = (project: Project, service: string) => {
	const s = project.file.services?.[service];
	return s?.container_name ?? `${project.name}-${service}-1`;
};

/** The plan of `docker compose up` for a file, or its errors. */
export function planComposeUp(
	composeText: string,
	projectName = 'progetto'
): ComposePlan | { errors: string[] } {
	const project = loadProject(composeText, projectName);
	if ('errors' in project) return project;
	const { model } = project;
	const steps = project.order.map((name) => {
		const service = model.services.find((s) => s.name === name)!;
		return {
			service: name,
			container: containerOf(project, name),
			waitsFor: service.dependsOn.map((d) => ({ service: d.service, condition: d.condition })),
			healthcheck: !!project.file.services?.[name]?.healthcheck,
		};
	});
	const reach: PlanReach[] = [];
	for (const from of model.services)
		for (const to of model.services) {
			if (from === to) continue;
			for (const link of to.networks) {
				if (!from.networks.some((l) => l.network === link.network)) continue;
				reach.push({
					from: from.name,
					to: to.name,
					network: networkName(project, link.network),
					names: [to.name, ...link.aliases, containerOf(project, to.name)],
				});
			}
		}
	return {
		project: project.name,
		networks: model.networks.map((n) => ({
			name: n.name,
			fullName: networkName(project, n.name),
			internal: n.internal,
			external: n.external,
		})),
		volumes: model.volumes.map((v) => ({
			name: v.name,
			fullName: volumeName(project, v.name),
			external: v.external,
		})),
		steps,
		reach,
		hostPorts: model.host.ports.flatMap(({ service, mapping }) =>
			mapping.published
				? [
						{
							service,
							hostIp: mapping.hostIp ?? '0.0.0.0',
							published: mapping.published.start,
							target: mapping.target.start,
							protocol: mapping.protocol,
						},
					]
				: []
		),
	};
}

const composeFiles = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'];

function words(value: string | string[] | null | undefined): string[] | undefined {
	if (value === undefined || value === null) return undefined;
	return Array.isArray(value)
		? value
		: tokenize(value, '/')
				.filter((t) => !t.op)
				.map((t) => t.text);
}

function environment(service: Service): string[] {
	const env = service.environment;
	if (!env) return [];
	if (Array.isArray(env)) return env.map(String);
	return Object.entries(env).map(([k, v]) =>
		v === null || v === undefined ? k : `${k}=${String(v)}`
	);
}

/** Creates a service's container (not started). */
function createServiceContainer(
	ctx: Context,
	project: Project,
	name: string,
	out: string[]
): Container | Answer {
	const { state } = ctx;
	const service = project.file.services![name]!;
	const node = project.model.services.find((s) => s.name === name)!;
	const imageName = service.image ?? `${project.name}-${name}`;
	let image = findImage(state, imageName);
	if (!image) {
		const pulled = ensureImage(ctx, imageName, 'compose');
		if ('exitCode' in pulled)
			return {
				...pulled,
				output: pulled.output
					.split('\n')
					.slice(1)
					.join('\n')
					.replace(/^docker: /, ''),
			};
		out.push(
			` Image ${withTag(imageName).replace(/:latest$/, '')} Pulling`,
			` Image ${withTag(imageName).replace(/:latest$/, '')} Pulled`
		);
		image = pulled.image;
	}
	const ports: PortBinding[] =
		node.networkMode === 'host'
			? []
			: node.ports.map((m) => ({
					hostIp: m.hostIp ?? '0.0.0.0',
					hostPort: m.published?.start ?? state.nextEphemeralPort++,
					containerPort: m.target.start,
					protocol: m.protocol,
				}));
	const mounts = node.mounts.flatMap((m): MountPoint[] => {
		if (m.kind === 'tmpfs') return [];
		if (m.kind === 'bind')
			return [
				{
					type: 'bind' as const,
					source: absoluteHostPath(m.source ?? '.'),
					destination: m.target,
					readOnly: m.readOnly,
				},
			];
		const volume = m.kind === 'named' ? volumeName(project, m.source!) : hex(ctx.rng, 64);
		if (!state.volumes.some((v) => v.name === volume))
			state.volumes.push({
				name: volume,
				created: state.clock,
				anonymous: m.kind === 'anonymous',
				files: {},
			});
		return [
			{ type: 'volume' as const, source: volume, destination: m.target, readOnly: m.readOnly },
		];
	});
	for (const path of image.volumes) {
		if (mounts.some((m) => m.destination === path)) continue;
		const volume = hex(ctx.rng, 64);
		state.volumes.push({ name: volume, created: state.clock, anonymous: true, files: {} });
		mounts.push({ type: 'volume', source: volume, destination: path, readOnly: false });
	}
	const id = hex(ctx.rng, 64);
	const env = [...image.env, ...environment(service)];
	const entrypoint = words(service.entrypoint);
	const cmd = words(service.command);
	const container: Container = {
		id,
		name: containerOf(project, name),
		image: imageName,
		imageId: image.id,
		entrypoint: entrypoint ?? [...image.entrypoint],
		cmd: cmd ?? (entrypoint ? [] : [...image.cmd]),
		env,
		created: state.clock,
		status: 'created',
		startedAt: 0,
		finishedAt: 0,
		exitCode: 0,
		tty: service.tty === true,
		interactive: service.stdin_open === true,
		autoRemove: false,
		restart: typeof service.restart === 'string' ? service.restart : 'no',
		hostname: typeof service.hostname === 'string' ? service.hostname : id.slice(0, 12),
		workdir: typeof service.working_dir === 'string' ? service.working_dir : image.workdir,
		init: service.init === true,
		publishAll: false,
		ports,
		mounts,
		networkMode: node.networkMode ?? networkName(project, node.networks[0]?.network ?? 'default'),
		networks: node.networks.map((link) => ({
			network: networkName(project, link.network),
			ip: '',
			staticIp: link.ipv4Address ?? '',
			aliases: [containerOf(project, name), name, ...link.aliases],
			mac: '',
			endpointId: hex(ctx.rng, 64),
		})),
		logs: [],
		files: {},
		healthcheck: !!service.healthcheck,
		compose: { project: project.name, service: name, number: 1 },
	};
	state.containers.push(container);
	return container;
}

function projectContainers(ctx: Context, project: Project): Container[] {
	return project.order.flatMap((s) =>
		ctx.state.containers.filter(
			(c) => c.compose?.project === project.name && c.compose.service === s
		)
	);
}

/** The services named and, transitively, those they depend on, in the project's start order. */
function withDependencies(project: Project, names: string[]): string[] {
	const wanted = new Set<string>();
	const visit = (name: string) => {
		if (wanted.has(name)) return;
		wanted.add(name);
		const node = project.model.services.find((service) => service.name === name);
		for (const dependency of node?.dependsOn ?? []) visit(dependency.service);
	};
	names.forEach(visit);
	return project.order.filter((name) => wanted.has(name));
}

function up(ctx: Context, project: Project, args: string[]): Answer {
	const { state } = ctx;
	const detached = args.includes('-d') || args.includes('--detach');
	// `up web` starts web and what it depends on, nothing else; Compose refuses an unknown name.
	const requested = args.filter((word) => !word.startsWith('-'));
	const missing = requested.find((name) => !project.order.includes(name));
	if (missing) return fail('compose-no-service', { name: missing });
	const order = requested.length ? withDependencies(project, requested) : project.order;
	const out: string[] = [];
	for (const name of order) {
		const node = project.model.services.find((s) => s.name === name)!;
		if (node.build === undefined) continue;
		const tag = project.file.services![name]!.image ?? `${project.name}-${name}`;
		if (findImage(state, tag) && !args.includes('--build')) continue;
		const build = project.file.services![name]!.build;
		const dockerfile =
			typeof build === 'object' && build && typeof build.dockerfile === 'string'
				? `${node.build.replace(/\/$/, '')}/${build.dockerfile}`
				: '';
		const outcome = buildImage(ctx, node.build, dockerfile, tag);
		if (outcome.failure)
			return { ...outcome.failure, output: [...out, outcome.failure.output].join('\n') };
		storeImage(ctx, outcome.image!, tag);
		out.push(...outcome.lines, ` Image ${tag} Built`);
	}
	// Compose pulls every missing image before it creates anything.
	for (const name of order) {
		const service = project.file.services![name]!;
		if (
			service.build !== undefined ||
			service.image === undefined ||
			findImage(state, service.image)
		)
			continue;
		const pulled = ensureImage(ctx, service.image, 'compose');
		if ('exitCode' in pulled)
			return {
				...pulled,
				output: [...out, pulled.output.split('\n').slice(1).join('\n')].join('\n'),
			};
		out.push(` Image ${service.image} Pulling`, ` Image ${service.image} Pulled`);
	}
	for (const network of project.model.networks) {
		const full = networkName(project, network.name);
		if (state.networks.some((n) => n.name === full)) continue;
		if (network.external)
			return {
				exitCode: 1,
				output: [...out, `network ${full} declared as external, but could not be found`].join('\n'),
				explanation: { key: 'network-not-found', params: { name: full } },
			};
		out.push(` Network ${full} Creating`);
		const made = createNetwork(ctx, full, {
			...(network.driver !== undefined && { driver: network.driver }),
			...(network.subnets[0] !== undefined && { subnet: network.subnets[0] }),
			...(network.gateways[0] !== undefined && { gateway: network.gateways[0] }),
			internal: network.internal,
			compose: { project: project.name, network: network.name },
		});
		if ('exitCode' in made)
			return {
				...made,
				output: [
					...out,
					made.output.replace(/^Error response from daemon: /, 'Error response from daemon: '),
				].join('\n'),
			};
		out.push(` Network ${full} Created`);
	}
	for (const volume of project.model.volumes) {
		const full = volumeName(project, volume.name);
		if (state.volumes.some((v) => v.name === full)) continue;
		out.push(` Volume ${full} Creating`);
		state.volumes.push({
			name: full,
			created: state.clock,
			anonymous: false,
			files: {},
			compose: { project: project.name, volume: volume.name },
		});
		out.push(` Volume ${full} Created`);
	}
	const list: Container[] = [];
	for (const name of order) {
		const existing = state.containers.find(
			(c) => c.compose?.project === project.name && c.compose.service === name
		);
		if (existing) {
			list.push(existing);
			continue;
		}
		out.push(` Container ${containerOf(project, name)} Creating`);
		const made = createServiceContainer(ctx, project, name, out);
		if ('output' in made) return { ...made, output: [...out, made.output].join('\n') };
		out.push(` Container ${made.name} Created`);
		list.push(made);
	}
	for (const c of list) {
		const node = project.model.services.find((s) => s.name === c.compose!.service)!;
		for (const dependency of node.dependsOn) {
			const other = list.find((o) => o.compose!.service === dependency.service);
			if (!other || dependency.condition === 'service_started') continue;
			out.push(` Container ${other.name} Waiting`);
			if (dependency.condition === 'service_healthy' && !other.healthcheck)
				return failAfter(out, 'dependency-no-healthcheck', { name: other.name });
			if (dependency.condition === 'service_healthy') {
				if (other.status !== 'running')
					return failAfter(out, 'dependency-exited', { name: other.name, code: other.exitCode });
				out.push(` Container ${other.name} Healthy`);
			} else {
				if (other.status === 'running' || other.exitCode !== 0)
					return failAfter(out, 'dependency-not-completed', {
						service: other.compose!.service,
						code: other.exitCode,
					});
				out.push(` Container ${other.name} Exited`);
			}
		}
		if (c.status === 'running') {
			out.push(` Container ${c.name} Running`);
			continue;
		}
		out.push(` Container ${c.name} Starting`);
		const started = startContainer(ctx, c, 'compose');
		if ('exitCode' in started) return { ...started, output: [...out, started.output].join('\n') };
		out.push(` Container ${c.name} Started`);
	}
	if (!detached) {
		out.push(`Attaching to ${list.map((c) => c.name).join(', ')}`);
		out.push(...prefixedLogs(list));
		for (const c of list)
			if (c.status === 'exited') out.push(`${logName(c)} exited with code ${c.exitCode}`);
	}
	return ok(out);
}

/** A failure printed after the progress lines so far. */
function failAfter(out: string[], id: MessageId, params: Record<string, string | number>): Answer {
	const answer = fail(id, params);
	return { ...answer, output: [...out, answer.output].join('\n') };
}

/** The name Compose gives a container in its logs: the service and the number, `db-1`. */
function logName(c: Container): string {
	return `${c.compose?.service ?? c.name}-${c.compose?.number ?? 1}`;
}

/** Logs as Compose prints them: `db-1  | line`, names padded to the longest. */
function prefixedLogs(list: Container[]): string[] {
	// Compose pads the names to the longest plus one, then writes ` | ` (cmd/formatter/logs.go).
	const width = Math.max(0, ...list.map((c) => logName(c).length)) + 1;
	return list.flatMap((c) => c.logs.map((line) => `${logName(c).padEnd(width)} | ${line}`));
}

/** `docker compose [-f FILE] [-p NAME] SUBCOMMAND …`. */
export function compose(ctx: Context, args: string[]): Answer {
	let file: string | undefined;
	let name: string | undefined;
	let i = 0;
	for (; i < args.length; i++) {
		const arg = args[i]!;
		if (arg === '-f' || arg === '--file') file = args[++i];
		else if (arg === '-p' || arg === '--project-name') name = args[++i];
		else if (arg.startsWith('-'))
			return {
				...fail('unknown-flag', { flag: arg, command: 'compose' }),
				output: `unknown flag: ${arg}`,
			};
		else break;
	}
	const [sub, ...rest] = args.slice(i);
	if (!sub)
		return ok(
			'Usage:  docker compose [OPTIONS] COMMAND\n\nDefine and run multi-container applications with Docker'
		);
	const path = file ?? composeFiles.find((f) => ctx.state.files[f] !== undefined);
	const text = path === undefined ? undefined : ctx.state.files[path.replace(/^\.\//, '')];
	if (text === undefined) {
		if (file)
			return {
				exitCode: 1,
				output: `open ${absoluteHostPath(file)}: no such file or directory`,
				explanation: { key: 'compose-no-file', params: {} },
			};
		return fail('compose-no-file', {});
	}
	const loaded = loadProject(text, name ?? ctx.state.projectName);
	if ('errors' in loaded) {
		const first = loaded.first ?? { where: '', it: 'file non valido', en: 'invalid file' };
		// Compose names the file and the key, then says what is wrong.
		const message = first.where ? `${first.where}: ${first.en}` : first.en;
		return fail(
			'compose-invalid',
			{ file: absoluteHostPath(path!), message },
			{ explain: { detail_it: first.it, detail_en: first.en } }
		);
	}
	const project = loaded;
	if (name) project.name = name;
	const known = [
		'-d',
		'--detach',
		'--build',
		'-v',
		'--volumes',
		'-f',
		'--follow',
		'-a',
		'--all',
		'-T',
		'-q',
		'--remove-orphans',
		'-t',
		'--tail',
	];
	const unknown = rest.find((w) => w.startsWith('-') && !known.includes(w) && sub !== 'exec');
	if (unknown)
		return {
			...fail('unknown-flag', { flag: unknown, command: `compose ${sub}` }),
			output: `unknown flag: ${unknown}`,
		};
	const mine = () => projectContainers(ctx, project);
	const lifecycle = (
		verbs: [string, string],
		act: (c: Container) => Answer | void,
		list: Container[]
	) => {
		const out: string[] = [];
		for (const c of list) {
			out.push(` Container ${c.name}  ${verbs[0]}`);
			const answer = act(c);
			if (answer && answer.exitCode)
				return { ...answer, output: [...out, answer.output].join('\n') };
			out.push(` Container ${c.name}  ${verbs[1]}`);
		}
		return ok(out);
	};
	switch (sub) {
		case 'up':
			return up(ctx, project, rest);
		case 'ps': {
			const all = rest.includes('-a') || rest.includes('--all');
			const shown = mine().filter((c) => all || c.status === 'running');
			if (rest.includes('-q')) return ok(shown.map((c) => c.id));
			const rows = [['NAME', 'IMAGE', 'COMMAND', 'SERVICE', 'CREATED', 'STATUS', 'PORTS']];
			for (const c of [...shown].sort((a, b) => a.name.localeCompare(b.name)))
				rows.push([
					c.name,
					c.image,
					commandColumn(c),
					c.compose!.service,
					`${humanDuration(ctx.state.clock - c.created)} ago`,
					statusColumn(ctx.state, c),
					portsColumn(ctx.state, c),
				]);
			return ok(table(rows));
		}
		case 'stop':
			return lifecycle(
				['Stopping', 'Stopped'],
				(c) => void (c.status === 'running' && stopContainer(ctx.state, c, 0)),
				mine().reverse()
			);
		case 'start':
			return lifecycle(
				['Starting', 'Started'],
				(c) => {
					if (c.status === 'running') return;
					const started = startContainer(ctx, c, 'compose');
					return 'exitCode' in started ? started : undefined;
				},
				mine()
			);
		case 'restart':
			return lifecycle(
				['Restarting', 'Started'],
				(c) => {
					if (c.status === 'running') stopContainer(ctx.state, c, 0);
					const started = startContainer(ctx, c, 'compose');
					return 'exitCode' in started ? started : undefined;
				},
				mine()
			);
		case 'down': {
			const list = mine().reverse();
			const out: string[] = [];
			for (const c of list) {
				if (c.status === 'running') {
					out.push(` Container ${c.name} Stopping`);
					stopContainer(ctx.state, c, 0);
					out.push(` Container ${c.name} Stopped`);
				}
				out.push(` Container ${c.name} Removing`);
				removeContainer(ctx.state, c, true);
				out.push(` Container ${c.name} Removed`);
			}
			if (rest.includes('-v') || rest.includes('--volumes'))
				for (const volume of project.model.volumes) {
					if (volume.external) continue;
					const full = volumeName(project, volume.name);
					if (!ctx.state.volumes.some((v) => v.name === full)) continue;
					out.push(` Volume ${full} Removing`);
					ctx.state.volumes = ctx.state.volumes.filter((v) => v.name !== full);
					out.push(` Volume ${full} Removed`);
				}
			for (const network of project.model.networks) {
				if (network.external) continue;
				const full = networkName(project, network.name);
				if (!ctx.state.networks.some((n) => n.name === full)) continue;
				if (ctx.state.containers.some((c) => c.networks.some((a) => a.network === full))) continue;
				out.push(` Network ${full} Removing`);
				ctx.state.networks = ctx.state.networks.filter((n) => n.name !== full);
				out.push(` Network ${full} Removed`);
			}
			return ok(out);
		}
		case 'logs': {
			const services = rest.filter((w) => !w.startsWith('-'));
			const missing = services.find((s) => !project.file.services?.[s]);
			if (missing) return fail('compose-no-service', { name: missing });
			return ok(
				prefixedLogs(
					mine().filter((c) => !services.length || services.includes(c.compose!.service))
				)
			);
		}
		case 'exec': {
			const words = rest.filter(
				(w, index) => !(w.startsWith('-') && index < rest.findIndex((x) => !x.startsWith('-')))
			);
			const [service, ...command] = words;
			if (!service || !command.length)
				return fail('requires-argument', { command: 'compose exec' });
			if (!project.file.services?.[service]) return fail('compose-no-service', { name: service });
			const c = mine().find((x) => x.compose!.service === service && x.status === 'running');
			if (!c) return fail('compose-not-running', { name: service });
			const result = runInside(ctx.state, c, command);
			return {
				exitCode: result.exitCode === 127 && result.failure ? 126 : result.exitCode,
				output: result.output.join('\n'),
				...(result.failure && { explanation: result.failure }),
			};
		}
		case 'config':
			return ok(
				stringify({ name: project.name, ...project.file, name_: undefined })
					.replace(/^name_:.*\n?/m, '')
					.trimEnd()
			);
		case 'build': {
			const out: string[] = [];
			for (const s of project.model.services) {
				if (s.build === undefined) continue;
				const tag = project.file.services![s.name]!.image ?? `${project.name}-${s.name}`;
				const outcome = buildImage(ctx, s.build, '', tag);
				if (outcome.failure) return outcome.failure;
				storeImage(ctx, outcome.image!, tag);
				out.push(...outcome.lines, ` Image ${tag} Built`);
			}
			return ok(out);
		}
		default:
			return {
				exitCode: 1,
				output: `unknown docker command: "compose ${sub}"`,
				explanation: { key: 'unknown-command', params: { name: `compose ${sub}` } },
			};
	}
}
