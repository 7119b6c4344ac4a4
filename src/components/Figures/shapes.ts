/**
 * The names shared by the drawing components of the course figures: the shape and text styles
 * that Figure.astro defines as `fig-*` classes, and where a label sits in a box.
 */

/** A shape style: `fig-box`, `fig-host` and so on. */
export type Variant = 'box' | 'host' | 'accent' | 'layer' | 'warm' | 'dashed';

/** A text style: `fig-label`, `fig-strong`, `fig-small` or `fig-mono`. */
export type Font = 'label' | 'strong' | 'small' | 'mono';

/**
 * Baseline that centres one line of `font` on `middle`: half a capital's height below it, which is
 * about a third of the font size (17 units for labels, 14 for small and mono text).
 */
export function centredBaseline(middle: number, font: Font): number {
	return middle + (font === 'small' || font === 'mono' ? 5 : 6);
}

/**
 * Baselines of a label and the smaller note under it, 19 units apart, so that the pair, from the
 * top of the label's capitals to the note's baseline, is centred on `middle`.
 */
export function centredPair(middle: number): [number, number] {
	return [middle - 4, middle + 15];
}
