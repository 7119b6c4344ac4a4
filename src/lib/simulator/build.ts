/**
 * `docker build`: reads the Dockerfile from the working directory, fails where BuildKit would
 * (the course linter's errors, a missing base image, a COPY of a file not in the context), and
 * otherwise prints the steps in BuildKit's plain format, `CACHED` when a step and the files it
 * copies are unchanged since an earlier build.
 */
import { lint, parse } from '../dockerfile/index.ts';
import type { Instruction } from '../dockerfile/model.ts';
import { catalogueImage, findImage, withTag } from './host.ts';
import { lookUp } from './catalogue.ts';
import { fail, type Answer, type Context } from './context.ts';
import { formatMessage } from './messages.ts';
import { isAnswer, parseFlags } from './flags.ts';
import { hashHex } from './random.ts';
import type { Image } from './types.ts';

/** What a build gives: the lines printed and the image, or the failure. */
export interface BuildOutcome {
	lines: string[];
	image?: Image;
	failure?: Answer;
}

function commandWords(
	command: { form: 'exec'; args: string[] } | { form: 'shell'; text: string }
): string[] {
	return command.form === 'exec' ? command.args : ['/bin/sh', '-c', command.text];
}

function textOf(instruction: Instruction): string {
	return (instruction.source?.text ?? instruction.kind.toUpperCase())
		.replace(/\\\r?\n\s*/g, '')
		.replace(/\s+/g, ' ')
		.trim();
}

/** Builds the Dockerfile at `dockerfile` (relative to the working directory) with `context`. */
export function buildImage(
	ctx: Context,
	context: string,
	dockerfile: string,
	tag: string,
	buildArgs: Record<string, string> = {}
): BuildOutcome {
	const { state } = ctx;
	const base = context.replace(/^\.\/?/, '').replace(/\/$/, '');
	const inContext = (path: string) => (base ? `${base}/${path}` : path).replace(/^\.\//, '');
	const fileKey = dockerfile ? dockerfile.replace(/^\.\//, '') : inContext('Dockerfile');
	const text = state.files[fileKey];
	const lines = ['#0 building with "default" instance using docker driver', ''];
	const failWith = (answer: Answer): BuildOutcome => ({
		lines,
		failure: { ...answer, output: [...lines, answer.output].join('\n') },
	});
	if (text === undefined) {
		lines.push(
			'#1 [internal] load build definition from Dockerfile',
			'#1 transferring dockerfile: 2B done',
			'#1 DONE 0.0s'
		);
		return failWith(fail('build-no-dockerfile', { file: 'Dockerfile' }, { prefix: 'ERROR: ' }));
	}
	lines.push(
		'#1 [internal] load build definition from Dockerfile',
		`#1 transferring dockerfile: ${text.length}B done`,
		'#1 DONE 0.0s',
		''
	);
	const model = parse(text);
	const broken = lint(model).find((finding) => finding.severity === 'error');
	if (broken) {
		const raw = model.stages
			.flatMap((s) => s.items)
			.find((item) => item.kind === 'raw' && item.source?.range.line === broken.line);
		const message =
			broken.rule === 'unknown-instruction' && raw && raw.kind === 'raw'
				? `unknown instruction: ${raw.keyword}`
				: broken.message.en.replace(/\.$/, '');
		return failWith(
			fail('build-parse-error', { line: broken.line, message }, { prefix: 'ERROR: ' })
		);
	}
	const stages = model.stages;
	const last = stages.at(-1);
	if (!last)
		return failWith(
			fail(
				'build-parse-error',
				{ line: 1, message: 'file with no instructions' },
				{ prefix: 'ERROR: ' }
			)
		);
	const from = last.from;
	// ARG before FROM, with --build-arg over its default, can name the base image.
	const args: Record<string, string> = {};
	for (const item of model.preamble)
		if ('kind' in item && item.kind === 'arg')
			for (const pair of item.pairs) args[pair.key] = (pair.value ?? '').replace(/^"|"$/g, '');
	Object.assign(args, buildArgs);
	const substitute = (text: string) =>
		text.replace(
			/\$\{(\w+)\}|\$(\w+)/g,
			(whole, a?: string, b?: string) => args[a ?? b ?? ''] ?? whole
		);
	const baseRef = substitute(from.tag ? `${from.image}:${from.tag}` : from.image);
	let parent = findImage(state, baseRef);
	if (!parent) {
		const found = lookUp(baseRef);
		if ('missing' in found) {
			lines.push(
				`#2 [internal] load metadata for docker.io/library/${withTag(baseRef)}`,
				`#2 ERROR: pull access denied, repository does not exist or may require authorization`,
				''
			);
			return failWith(
				fail(
					'build-base-missing',
					{ image: withTag(baseRef) },
					{ prefix: 'ERROR: ', explain: { repository: found.repository } }
				)
			);
		}
		parent = catalogueImage(found.repository, found.tag);
	}
	lines.push(
		`#2 [internal] load metadata for docker.io/library/${withTag(baseRef)}`,
		'#2 DONE 0.4s',
		'',
		'#3 [internal] load .dockerignore',
		'#3 transferring context: 2B done',
		'#3 DONE 0.0s',
		''
	);
	const instructions = last.items.filter((item): item is Instruction => item.kind !== 'comment');
	const steps = instructions.filter((i) => ['run', 'copy', 'add', 'workdir'].includes(i.kind));
	const total = steps.length + 1;
	let step = 4;
	lines.push(
		`#${step} [1/${total}] FROM docker.io/library/${withTag(baseRef)}@sha256:${hashHex(`${withTag(baseRef)}@digest`, 64)}`,
		`#${step} DONE 0.0s`,
		''
	);
	const image: Image = {
		...structuredClone(parent),
		id: '',
		tags: [],
		created: state.clock,
		files: { ...parent.files },
		layers: [],
	};
	let key = parent.id;
	let index = 1;
	let contextShown = false;
	for (const instruction of instructions) {
		switch (instruction.kind) {
			case 'cmd': {
				image.cmd = commandWords(instruction.command);
				// A server started by CMD decides how the container behaves.
				const program = image.cmd[0]?.split('/').at(-1) ?? '';
				if (['apache2ctl', 'apachectl', 'httpd-foreground'].includes(program))
					image.behaviour = 'httpd';
				if (program === 'nginx') image.behaviour = 'nginx';
				continue;
			}
			case 'entrypoint':
				image.entrypoint = commandWords(instruction.command);
				if (instruction.command.form === 'exec') image.cmd = [];
				continue;
			case 'env':
				for (const pair of instruction.pairs)
					image.env = [
						...image.env.filter((e) => !e.startsWith(`${pair.key}=`)),
						`${pair.key}=${(pair.value ?? '').replace(/^"|"$/g, '')}`,
					];
				continue;
			case 'expose':
				for (const p of instruction.ports)
					image.exposedPorts.push(`${p.port}/${p.protocol || 'tcp'}`);
				continue;
			case 'workdir':
				image.workdir = instruction.path;
				break;
			case 'run':
			case 'copy':
			case 'add':
				break;
			default:
				continue;
		}
		index++;
		step++;
		const label = `[${index}/${total}] ${textOf(instruction)}`;
		let contents = '';
		if (instruction.kind === 'copy' || instruction.kind === 'add') {
			if (!contextShown) {
				const size = Object.entries(state.files)
					.filter(([path]) => !base || path.startsWith(`${base}/`))
					.reduce((sum, [, t]) => sum + t.length, 0);
				lines.push(
					`#${step} [internal] load build context`,
					`#${step} transferring context: ${size}B done`,
					`#${step} DONE 0.0s`,
					''
				);
				step++;
				contextShown = true;
			}
			const fromStage = instruction.flags.some((f) => f.name === 'from');
			for (const source of fromStage ? [] : instruction.sources) {
				if (/^https?:\/\//.test(source)) continue;
				const clean = source.replace(/^\.\//, '').replace(/\/$/, '');
				const matches = Object.keys(state.files).filter((path) =>
					clean === '.' || clean === ''
						? !base || path.startsWith(`${base}/`)
						: path === inContext(clean) || path.startsWith(`${inContext(clean)}/`)
				);
				if (!matches.length) {
					lines.push(
						`#${step} ${label}`,
						`#${step} ERROR: failed to calculate checksum of ref ${hashHex(key, 25)}::${hashHex(source, 25)}: "/${clean}": not found`,
						'------',
						` > ${label}:`,
						'------'
					);
					return failWith(
						fail(
							'build-not-found',
							{ ref: `${hashHex(key, 25)}::${hashHex(source, 25)}`, path: clean },
							{ prefix: 'ERROR: ' }
						)
					);
				}
				for (const path of matches) {
					contents += `${path}\n${state.files[path]}\n`;
					const rel = base ? path.slice(base.length + 1) : path;
					const dest = instruction.destination;
					const single =
						instruction.sources.length === 1 &&
						!dest.endsWith('/') &&
						matches.length === 1 &&
						path === inContext(clean);
					const target = single
						? dest
						: `${dest.replace(/\/$/, '')}/${clean === '.' || clean === '' ? rel : rel.slice(inContext(clean).length - (base ? base.length + 1 : 0)).replace(/^\//, '') || rel.split('/').at(-1)}`;
					image.files[target.startsWith('/') ? target : `${image.workdir || ''}/${target}`] =
						state.files[path]!;
				}
			}
		}
		key = hashHex(`${key}\n${textOf(instruction)}\n${contents}`, 64);
		image.layers.push(key);
		lines.push(`#${step} ${label}`);
		if (state.buildCache.includes(key)) lines.push(`#${step} CACHED`, '');
		else {
			state.buildCache.push(key);
			lines.push(`#${step} DONE ${instruction.kind === 'run' ? '1.2' : '0.1'}s`, '');
		}
	}
	step++;
	// The same steps over the same files give the same image, whatever its tag.
	image.id = `sha256:${hashHex(`${key}\n${JSON.stringify([image.cmd, image.entrypoint, image.env, image.exposedPorts])}`, 64)}`;
	const name = withTag(tag || '');
	lines.push(
		`#${step} exporting to image`,
		`#${step} exporting layers 0.1s done`,
		`#${step} writing image ${image.id} done`,
		...(tag ? [`#${step} naming to docker.io/library/${name} done`] : []),
		`#${step} DONE 0.2s`
	);
	return { lines, image };
}

/** Puts a built image on the host under its tag (taking the tag from any older image). */
export function storeImage(ctx: Context, image: Image, tag: string): void {
	const name = withTag(tag);
	for (const other of ctx.state.images) other.tags = other.tags.filter((t) => t !== name);
	ctx.state.images = ctx.state.images.filter(
		(other) => other.tags.length || ctx.state.containers.some((c) => c.imageId === other.id)
	);
	const same = ctx.state.images.find((other) => other.id === image.id);
	if (same) same.tags.push(name);
	else ctx.state.images.push({ ...image, tags: tag ? [name] : [] });
}

/** `docker build [-t NAME[:TAG]] [-f FILE] CONTEXT`. */
export function build(ctx: Context, words: string[]): Answer {
	const parsed = parseFlags(
		words,
		{
			tag: { short: 't', value: true },
			file: { short: 'f', value: true },
			'build-arg': { value: true },
			'no-cache': {},
			progress: { value: true },
			quiet: { short: 'q' },
			pull: {},
			target: { value: true },
			platform: { value: true },
		},
		'build'
	);
	if (isAnswer(parsed)) return parsed;
	const context = parsed.args[0];
	if (!context)
		return {
			exitCode: 1,
			output: `ERROR: "docker buildx build" requires exactly 1 argument.\nSee 'docker buildx build --help'.`,
			explanation: { key: 'requires-argument', params: { command: 'build' } },
		};
	const tag = parsed.flags['tag']?.at(-1) ?? '';
	if (parsed.flags['no-cache']) ctx.state.buildCache = [];
	const buildArgs = Object.fromEntries(
		(parsed.flags['build-arg'] ?? []).map((pair) => [
			pair.split('=')[0]!,
			pair.slice(pair.indexOf('=') + 1),
		])
	);
	const outcome = buildImage(ctx, context, parsed.flags['file']?.at(-1) ?? '', tag, buildArgs);
	if (outcome.failure) return outcome.failure;
	storeImage(ctx, outcome.image!, tag);
	return { exitCode: 0, output: outcome.lines.join('\n') };
}

export { formatMessage };
