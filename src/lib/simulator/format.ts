/**
 * How the Docker CLI writes durations, sizes and tables: go-units' HumanDuration and HumanSize,
 * and Go's tabwriter as `docker ps` sets it up (cells padded by 3 spaces).
 */

/** go-units HumanDuration: `Less than a second`, `2 seconds`, `About a minute`, `3 hours`. */
export function humanDuration(seconds: number): string {
	if (seconds < 1) return 'Less than a second';
	if (seconds === 1) return '1 second';
	if (seconds < 60) return `${Math.floor(seconds)} seconds`;
	const minutes = Math.floor(seconds / 60);
	if (minutes === 1) return 'About a minute';
	if (minutes < 60) return `${minutes} minutes`;
	const hours = Math.floor(seconds / 3600 + 0.5);
	if (hours === 1) return 'About an hour';
	if (hours < 48) return `${hours} hours`;
	if (hours < 24 * 7 * 2) return `${Math.floor(hours / 24)} days`;
	if (hours < 24 * 30 * 2) return `${Math.floor(hours / 24 / 7)} weeks`;
	if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24 / 30)} months`;
	return `${Math.floor(hours / 24 / 365)} years`;
}

/** go-units HumanSize: decimal units, four significant digits (`192MB`, `8.44MB`, `1.13GB`). */
export function humanSize(bytes: number): string {
	const units = ['B', 'kB', 'MB', 'GB', 'TB'];
	let value = bytes;
	let unit = 0;
	while (value >= 1000 && unit < units.length - 1) {
		value /= 1000;
		unit++;
	}
	return `${Number(value.toPrecision(4))}${units[unit]}`;
}

/**
 * Go's tabwriter as docker/cli sets it up (minimum width 10, padding 3): every column as wide as
 * its widest cell plus 3, at least 10, the last not padded.
 */
export function table(rows: string[][]): string {
	const widths: number[] = [];
	for (const row of rows)
		row.forEach((cell, i) => {
			widths[i] = Math.max(widths[i] ?? 0, [...cell].length);
		});
	return rows
		.map((row) =>
			row
				.map((cell, i) =>
					i === row.length - 1
						? cell
						: cell.padEnd(Math.max(10, widths[i]! + 3) + cell.length - [...cell].length)
				)
				.join('')
				.trimEnd()
		)
		.join('\n');
}

/** RFC 3339 with nanoseconds, as `docker inspect` writes times. */
export function isoTime(seconds: number): string {
	return new Date(seconds * 1000).toISOString().replace('.000Z', '.000000000Z');
}

/** docker/cli's Ellipsis: at most `max` characters, the last one `…` when cut. */
export function ellipsis(text: string, max: number): string {
	const chars = [...text];
	return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
