/**
 * What `docker compose up` will do, in the learner's words: the simulator's plan of a file
 * (`planComposeUp`) turned into the sentences the Compose lab shows under the diagram. The start
 * order (networks and volumes first, then each service after what it waits for), who reaches whom
 * by name on each network, and what the host reaches on its published ports. Pure: the plan is
 * computed elsewhere (in the analyser's worker, and on the server for the starting example).
 */
import type { Locale } from '../i18n/locale.ts';
import type { Translate } from '../i18n/strings.ts';
import type { ComposePlan, PlanStep, planComposeUp } from '../simulator/index.ts';
import type { Analysis } from './analyze.ts';

/**
 * The plan of a file as the lab receives it: the plan, the file's errors (no plan without a valid
 * file), or why it was not computed: a file too large to draw is too large to plan as well, and a
 * page that analyses the text itself (no worker) does not load the simulator.
 */
export type PlanResult = HostPlan | { errors: string[] } | { skipped: 'too-large' | 'on-page' };

/**
 * The simulator's plan with what the file's model adds about the host: the services on the host's
 * own network, and the ports published on a port Docker picks, which the plan's list of host
 * ports leaves out; and whether the pairs were cut to one per service and network (`crowded`).
 */
export interface HostPlan extends ComposePlan {
	hostNetwork?: string[];
	randomPorts?: { service: string; target: number; protocol: string }[];
	crowded?: boolean;
}

/** An analysis with the plan of its text, as the lab's analyser answers it. */
export type PlannedAnalysis = Analysis & { plan?: PlanResult };

/**
 * The plan of a text its analysis allows: a file too large to draw is not planned (its pairs of
 * services grow with the square of their number), one with errors gets them from the planner.
 */
export function planFor(
	text: string,
	{
		findings,
		diagram,
		model,
	}: Pick<Analysis, 'findings'> & {
		diagram?: Analysis['diagram'] | undefined;
		model?: Analysis['model'] | undefined;
	},
	plan: typeof planComposeUp
): PlanResult {
	if (!diagram && !findings.some((finding) => finding.severity === 'error'))
		return { skipped: 'too-large' };
	const planned = plan(text);
	// Only what the lab shows travels to the page: the errors' texts, not where the first one is.
	if ('errors' in planned) return { errors: planned.errors };
	const services = model?.services ?? [];
	const hostNetwork = services
		.filter((service) => service.networkMode === 'host')
		.map((service) => service.name);
	const randomPorts = services.flatMap((service) =>
		service.networkMode === 'host'
			? []
			: service.ports
					.filter((mapping) => !mapping.published)
					.map((mapping) => ({
						service: service.name,
						target: mapping.target.start,
						protocol: mapping.protocol,
					}))
	);
	// Pairs grow with the square of the services: past the limit the view lists each network's
	// services together, so one pair per service and network is all it needs to receive.
	const crowded = planned.reach.length > maxReachLines;
	const seen = new Set<string>();
	const reach = crowded
		? planned.reach.filter(({ from, network }) => {
				const key = `${from}\n${network}`;
				if (seen.has(key)) return false;
				seen.add(key);
				return true;
			})
		: planned.reach;
	return {
		...planned,
		reach,
		...(hostNetwork.length && { hostNetwork }),
		...(randomPorts.length && { randomPorts }),
		...(crowded && { crowded }),
	};
}

/** The services reached by name on one network. */
export interface ReachGroup {
	/** "On network backend (progetto_backend)", with whether it is internal. */
	heading: string;
	/** One sentence per pair: "app reaches db as db or progetto-db-1". */
	lines: string[];
}

/** The plan in sentences, or the one line said in its place. */
export type PlanView =
	| { kind: 'note'; text: string }
	| {
			kind: 'plan';
			/** The project's name, which prefixes every network, volume and container. */
			project: string;
			/** The start order, one sentence per step; the list numbers them. */
			steps: string[];
			/** Who reaches whom by name, grouped by network; empty when nobody does. */
			reach: ReachGroup[];
			/** Said instead of the groups when no service reaches another by name. */
			reachNone?: string;
			/** The host's addresses, then the services it cannot reach. */
			ports: string[];
	  };

/** Past this many pairs, a network's services are listed together instead of pair by pair. */
export const maxReachLines = 120;

// Made once per language and kind: making a formatter costs far more than using it.
const formats = new Map<string, Intl.ListFormat>();

function joinList(items: string[], lang: Locale, type: 'conjunction' | 'disjunction'): string {
	const key = `${lang}-${type}`;
	let format = formats.get(key);
	if (!format) formats.set(key, (format = new Intl.ListFormat(lang, { type })));
	const joined = format.format(items);
	// Italian writes «ed» before a word starting with e or è.
	return lang === 'it' ? joined.replace(/ e (?=[eè])/g, ' ed ') : joined;
}

/** The address a published port answers on, from the host: `localhost` for every interface. */
function hostAddress(hostIp: string, published: number, protocol: string): string {
	const any = hostIp === '0.0.0.0' || hostIp === '::' || hostIp === '';
	const host = any ? 'localhost' : hostIp.includes(':') ? `[${hostIp}]` : hostIp;
	// Only TCP ports can be opened in a browser; UDP is written as Docker writes it.
	return protocol === 'tcp' ? `http://${host}:${published}` : `${host}:${published}/${protocol}`;
}

function stepSentence(step: PlanStep, t: Translate, lang: Locale): string {
	if (!step.waitsFor.length)
		return t('compose.plan.start', { service: step.service, container: step.container });
	const conditions = step.waitsFor.map(({ service, condition }) =>
		t(
			condition === 'service_healthy'
				? 'compose.plan.wait.healthy'
				: condition === 'service_completed_successfully'
					? 'compose.plan.wait.completed'
					: 'compose.plan.wait.started',
			{ service }
		)
	);
	return t('compose.plan.waits', {
		service: step.service,
		container: step.container,
		conditions: joinList(conditions, lang, 'conjunction'),
	});
}

/** The plan of the file in the page's language, or the one line that takes its place. */
export function planView(plan: PlanResult | undefined, t: Translate, lang: Locale): PlanView {
	if (!plan) return { kind: 'note', text: t('compose.engine.loading') };
	if ('errors' in plan) return { kind: 'note', text: t('compose.plan.invalid') };
	if ('skipped' in plan)
		return {
			kind: 'note',
			text: t(plan.skipped === 'too-large' ? 'compose.plan.tooLarge' : 'compose.plan.onPage'),
		};

	const steps = [
		// Compose makes the networks and volumes before any container, and only checks the external ones.
		...plan.networks.map(({ fullName, internal, external }) =>
			t(
				external
					? 'compose.plan.network.external'
					: internal
						? 'compose.plan.network.internal'
						: 'compose.plan.network.create',
				{ name: fullName }
			)
		),
		...plan.volumes.map(({ fullName, external }) =>
			t(external ? 'compose.plan.volume.external' : 'compose.plan.volume.create', {
				name: fullName,
			})
		),
		...plan.steps.map((step) => stepSentence(step, t, lang)),
	];

	const byNetwork = new Map<string, ComposePlan['reach']>();
	for (const link of plan.reach)
		byNetwork.set(link.network, [...(byNetwork.get(link.network) ?? []), link]);
	const many = plan.crowded === true || plan.reach.length > maxReachLines;
	const reach = [...byNetwork].map(([fullName, links]): ReachGroup => {
		const network = plan.networks.find((candidate) => candidate.fullName === fullName);
		const name = network?.name ?? fullName;
		const heading = t(network?.internal ? 'compose.plan.onInternal' : 'compose.plan.on', {
			name,
			fullName,
		});
		if (many) {
			const services = [...new Set(links.map((link) => link.from))];
			return {
				heading,
				lines: [
					t('compose.plan.reachAll', {
						count: services.length,
						services: joinList(services, lang, 'conjunction'),
					}),
				],
			};
		}
		return {
			heading,
			lines: links.map(({ from, to, names }) =>
				t('compose.plan.reach', { from, to, names: joinList(names, lang, 'disjunction') })
			),
		};
	});

	const hostNetwork = plan.hostNetwork ?? [];
	const randomPorts = plan.randomPorts ?? [];
	const reachable = new Set([
		...plan.hostPorts.map((port) => port.service),
		...hostNetwork,
		...randomPorts.map((port) => port.service),
	]);
	const ports = [
		...plan.hostPorts.map(({ service, hostIp, published, target, protocol }) =>
			t('compose.plan.port', {
				address: hostAddress(hostIp, published, protocol),
				service,
				target: protocol === 'tcp' ? String(target) : `${target}/${protocol}`,
			})
		),
		...randomPorts.map(({ service, target, protocol }) =>
			t('compose.plan.randomPort', {
				service,
				target: protocol === 'tcp' ? String(target) : `${target}/${protocol}`,
			})
		),
		...hostNetwork.map((service) => t('compose.plan.hostNetwork', { service })),
		...plan.steps
			.filter((step) => !reachable.has(step.service))
			.map((step) => t('compose.plan.noPorts', { service: step.service })),
	];

	return {
		kind: 'plan',
		project: t('compose.plan.project', { project: plan.project }),
		steps,
		reach,
		...(!reach.length && { reachNone: t('compose.plan.reachNone') }),
		ports,
	};
}
