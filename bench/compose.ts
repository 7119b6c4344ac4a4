/**
 * Benchmark of the Compose diagram generator on a large generated file (100 services, 10
 * networks, 50 volumes): the whole analysis (parse, validate, check, layout, SVG tree) and the
 * serialisation to a standalone file. The target is a median of at most 100 ms for the analysis,
 * so the island can redraw while the student types.
 */
import { analyzeCompose } from '../src/lib/compose/analyze.ts';
import { serializeSvg } from '../src/lib/compose/svg.ts';

/** A Compose file of `services` services spread over `networks` networks and `volumes` volumes. */
export function generateComposeFile(services = 100, networks = 10, volumes = 50): string {
	const lines = ['services:'];
	for (let i = 0; i < services; i++) {
		lines.push(`  service-${i}:`, `    image: example/app-${i}:1.0`);
		if (i % 3 === 0) lines.push('    ports:', `      - "${8000 + i}:80"`);
		lines.push('    networks:', `      net-${i % networks}:`);
		if (i % 4 === 0) lines.push(`        ipv4_address: 10.${i % networks}.0.${10 + i}`);
		lines.push(`      net-${(i + 1) % networks}:`);
		lines.push('    volumes:', `      - vol-${i % volumes}:/data`);
		if (i % 5 === 0) lines.push(`      - ./config/${i}:/etc/app:ro`);
		if (i % 5 !== 0) lines.push('    depends_on:', `      - service-${i - (i % 5)}`);
	}
	lines.push('networks:');
	for (let n = 0; n < networks; n++)
		lines.push(`  net-${n}:`, '    ipam:', '      config:', `        - subnet: 10.${n}.0.0/16`);
	lines.push('volumes:');
	for (let v = 0; v < volumes; v++) lines.push(`  vol-${v}:`);
	return `${lines.join('\n')}\n`;
}

function medianOf(run: () => void, runs: number, warmup = 3): number {
	for (let i = 0; i < warmup; i++) run();
	const times = Array.from({ length: runs }, () => {
		const start = performance.now();
		run();
		return performance.now() - start;
	}).sort((a, b) => a - b);
	return Math.round(((times[(runs - 1) >> 1] ?? 0) + (times[runs >> 1] ?? 0)) * 50) / 100;
}

/** Median timings, in milliseconds, of the analysis and of the serialisation. */
export function benchCompose(): { name: string; medianMs: number; runs: number }[] {
	const text = generateComposeFile();
	const runs = 20;
	const analysis = analyzeCompose(text, { lang: 'en' });
	if (!analysis.diagram || analysis.findings.some((f) => f.severity === 'error'))
		throw new Error('The generated Compose file should be valid and drawable.');
	const { diagram } = analysis;
	return [
		{
			name: 'compose: parse + validate + layout + SVG (100 services, 10 networks, 50 volumes)',
			medianMs: medianOf(() => analyzeCompose(text, { lang: 'en' }), runs),
			runs,
		},
		{
			name: 'compose: serializeSvg of that diagram',
			medianMs: medianOf(() => serializeSvg(diagram), runs),
			runs,
		},
	];
}

if (import.meta.main) console.table(benchCompose());
