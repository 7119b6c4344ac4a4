import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Place } from '../../lib/dockerfile/edit.ts';
import type { Finding } from '../../lib/dockerfile/lint.ts';
import type { InstructionKind, Item } from '../../lib/dockerfile/model.ts';
import type { Locale } from '../../lib/i18n/locale.ts';

/** The UI strings of the builder (`builder.*` keys) in the page's language. */
export type Strings = Record<string, string>;

/** What every part of the builder needs from the island, passed down through context. */
export interface BuilderUi {
	lang: Locale;
	/** A UI string with its `{placeholders}` filled in. */
	t(key: string, values?: Record<string, string | number>): string;
	/** A DOM id unique to this builder: `id('i3', 'path')`. */
	id(...parts: string[]): string;
	/** Moves focus to the element with this id once the next render is on screen. */
	focusLater(id: string): void;
	/** Says something through the builder's live region. */
	announce(message: string): void;
	/** What the form can do to the model. */
	actions: BuilderActions;
	/** The findings about a node, by its id. */
	findingsFor(nodeId: string): Finding[];
}

/** What the kinds of the palette can add: an instruction, a comment, or a line of free text. */
export type PaletteKind = Exclude<InstructionKind, 'from'> | 'comment';

/** The edits the form makes, each wired to a pure function of `src/lib/dockerfile`. */
export interface BuilderActions {
	/** Changes an item as the learner types (not a step of its own for undo). */
	update(id: string, change: (item: Item) => Item): void;
	move(id: string, offset: -1 | 1): void;
	/** Drag and drop: puts an item at a place, in its list or another. */
	moveTo(id: string, place: Place): void;
	remove(id: string): void;
	add(kind: PaletteKind, place: Place): void;
	/** Turns an instruction into a raw line with its text. */
	toText(id: string): void;
	/** Reads a raw line again, and gives it back its fields if it is now a whole instruction. */
	toForm(id: string): void;
	addStage(): void;
	removeStage(id: string): void;
	updateDirective(id: string, text: string): void;
	removeDirective(id: string): void;
	/** The id of the item being dragged, if any. */
	dragged: { current: string | null };
}

export const UiContext = createContext<BuilderUi | null>(null);

/** The builder's context; only used inside the island. */
export function useUi(): BuilderUi {
	const ui = useContext(UiContext);
	if (!ui) throw new Error('useUi() outside the Dockerfile builder');
	return ui;
}
