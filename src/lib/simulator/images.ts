/**
 * Images: pulling from the simulated registry (the catalogue), listing, tagging, removing,
 * pushing, and the "Unable to find image locally" pull that `run` and `create` do first.
 */
import { catalogueImage, findImage, withTag } from './host.ts';
import { lookUp } from './catalogue.ts';
import { daemonError, fail, ok, type Answer, type Context } from './context.ts';
import { humanDuration, humanSize, table } from './format.ts';
import { hashHex } from './random.ts';
import type { Image } from './types.ts';

/** The lines of a pull from Docker Hub, layer ids and digest stable per reference. */
function pullLines(repository: string, tag: string): string[] {
	const layers = [0, 1, 2].map((i) => hashHex(`${repository}:${tag}#${i}`, 12));
	return [
		`${tag}: Pulling from library/${repository}`,
		...layers.map((layer) => `${layer}: Pull complete`),
		`Digest: sha256:${hashHex(`${repository}:${tag}@digest`, 64)}`,
		`Status: Downloaded newer image for ${repository}:${tag}`,
	];
}

/** Pulls a reference into the host; the lines printed or the registry's refusal. */
function pull(
	ctx: Context,
	reference: string,
	run?: string
): { image: Image; lines: string[] } | Answer {
	const found = lookUp(reference);
	if ('missing' in found) {
		if (found.missing === 'repository')
			return daemonError(
				'pull-denied',
				{ repository: found.repository },
				{ ...(run && { run }), explain: { repository: found.repository } }
			);
		return daemonError(
			'manifest-unknown',
			{ image: `${found.repository}:${found.tag}` },
			{ ...(run && { run }), explain: { tag: found.tag } }
		);
	}
	const image = catalogueImage(found.repository, found.tag);
	const existing = ctx.state.images.find((i) => i.id === image.id);
	if (existing) {
		if (!existing.tags.includes(`${found.repository}:${found.tag}`))
			existing.tags.push(`${found.repository}:${found.tag}`);
		return { image: existing, lines: [] };
	}
	ctx.state.images.push(image);
	// A pull takes a few seconds of the session's clock.
	ctx.state.clock += 3;
	return { image, lines: pullLines(found.repository, found.tag) };
}

/** The image for `run`/`create`/`build`: local, or pulled with Docker's lines before. */
export function ensureImage(
	ctx: Context,
	reference: string,
	run: string
): { image: Image; before: string[] } | Answer {
	const local = findImage(ctx.state, reference);
	if (local) return { image: local, before: [] };
	const unable = `Unable to find image '${withTag(reference)}' locally`;
	const pulled = pull(ctx, reference, run);
	if ('exitCode' in pulled) return { ...pulled, output: `${unable}\n${pulled.output}` };
	return { image: pulled.image, before: [unable, ...pulled.lines] };
}

/** `docker pull IMAGE`. */
export function pullCommand(ctx: Context, words: string[]): Answer {
	const reference = words.find((w) => !w.startsWith('-'));
	if (!reference) return fail('requires-argument', { command: 'pull' });
	const tagged = withTag(reference);
	const lines = reference === tagged ? [] : ['Using default tag: latest'];
	const already = findImage(ctx.state, reference);
	const pulled = pull(ctx, reference);
	if ('exitCode' in pulled) return { ...pulled, output: [...lines, pulled.output].join('\n') };
	const { repository, tag } = {
		repository: tagged.slice(0, tagged.lastIndexOf(':')),
		tag: tagged.slice(tagged.lastIndexOf(':') + 1),
	};
	const body = already
		? [
				`${tag}: Pulling from library/${repository}`,
				`Digest: sha256:${hashHex(`${repository}:${tag}@digest`, 64)}`,
				`Status: Image is up to date for ${repository}:${tag}`,
			]
		: pulled.lines;
	return ok([...lines, ...body, `docker.io/library/${repository}:${tag}`]);
}

/** `docker images` / `docker image ls`. */
export function images(ctx: Context, words: string[]): Answer {
	const quiet = words.includes('-q') || words.includes('--quiet');
	const filter = words.find((w) => !w.startsWith('-'));
	const rows = [['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE']];
	const list = [...ctx.state.images].sort((a, b) => b.created - a.created);
	const ids: string[] = [];
	for (const image of list)
		for (const tag of image.tags.length ? image.tags : ['<none>:<none>']) {
			const index = tag.lastIndexOf(':');
			const repository = tag.slice(0, index);
			if (filter && repository !== filter && tag !== filter) continue;
			ids.push(image.id.slice(7, 19));
			rows.push([
				repository,
				tag.slice(index + 1),
				image.id.slice(7, 19),
				`${humanDuration(ctx.state.clock - image.created)} ago`,
				humanSize(image.size),
			]);
		}
	return ok(quiet ? [...new Set(ids)] : table(rows));
}

/** `docker tag SOURCE TARGET`. */
export function tag(ctx: Context, words: string[]): Answer {
	const [source, target] = words;
	if (!source || !target) return fail('requires-argument', { command: 'tag' });
	const image = findImage(ctx.state, source);
	if (!image) return daemonError('no-such-image', { image: withTag(source) });
	const name = withTag(target);
	for (const other of ctx.state.images) other.tags = other.tags.filter((t) => t !== name);
	image.tags.push(name);
	return ok();
}

/** `docker rmi [-f] IMAGE…`. */
export function rmi(ctx: Context, words: string[]): Answer {
	const force = words.some((w) => w === '-f' || w === '--force');
	const refs = words.filter((w) => !w.startsWith('-'));
	if (!refs.length) return fail('requires-argument', { command: 'rmi' });
	const out: string[] = [];
	for (const ref of refs) {
		const image = findImage(ctx.state, ref);
		if (!image)
			return {
				...daemonError('no-such-image', { image: ref.includes(':') ? ref : withTag(ref) }),
				output: [
					...out,
					daemonError('no-such-image', { image: ref.includes(':') ? ref : withTag(ref) }).output,
				].join('\n'),
			};
		const user = ctx.state.containers.find((c) => c.imageId === image.id);
		const tagged = withTag(ref);
		const byTag = image.tags.includes(tagged);
		if (byTag && image.tags.length > 1) {
			image.tags = image.tags.filter((t) => t !== tagged);
			out.push(`Untagged: ${tagged}`);
			continue;
		}
		if (user && !force) {
			const answer = daemonError('image-in-use', {
				image: byTag ? tagged : ref,
				container: user.id.slice(0, 12),
				imageId: image.id.slice(7, 19),
			});
			return { ...answer, output: [...out, answer.output].join('\n') };
		}
		for (const t of image.tags) out.push(`Untagged: ${t}`);
		if (!user) {
			ctx.state.images = ctx.state.images.filter((i) => i !== image);
			out.push(`Deleted: ${image.id}`);
		} else image.tags = [];
	}
	return ok(out);
}

/** `docker push NAME:TAG`: the registry takes it (the course's example account). */
export function push(ctx: Context, words: string[]): Answer {
	const ref = words.find((w) => !w.startsWith('-'));
	if (!ref) return fail('requires-argument', { command: 'push' });
	const image = findImage(ctx.state, ref);
	const tagged = withTag(ref);
	if (!image)
		return {
			exitCode: 1,
			output: `Error response from daemon: An image does not exist locally with the tag: ${ref}`,
			explanation: { key: 'no-such-image', params: { image: tagged } },
		};
	const repository = tagged.slice(0, tagged.lastIndexOf(':'));
	const layers = [0, 1, 2].map((i) => `${hashHex(`${image.id}#${i}`, 12)}: Pushed`);
	return ok([
		`The push refers to repository [docker.io/${repository}]`,
		...layers,
		`${tagged.slice(tagged.lastIndexOf(':') + 1)}: digest: sha256:${hashHex(`${image.id}@push`, 64)} size: 1778`,
	]);
}
