import { Component, type ComponentChildren } from 'preact';
import { useT } from '../shared/strings.ts';

interface Props {
	/** What the learner reads instead of what failed. */
	message: string;
	children: ComponentChildren;
}

/**
 * Catches what its children throw while they render, so one question whose data or code is
 * broken shows a short message and the rest of the quiz keeps working. Preact has no hook for
 * this, hence the class.
 */
class Boundary extends Component<Props, { failed: boolean }> {
	override state = { failed: false };

	static override getDerivedStateFromError(): { failed: boolean } {
		return { failed: true };
	}

	override componentDidCatch(error: unknown): void {
		// Kept in the console, where whoever reports the problem can copy it from.
		console.error(error);
	}

	override render() {
		return this.state.failed ? (
			<p class="quiz-notice quiz-broken" role="alert">
				{this.props.message}
			</p>
		) : (
			this.props.children
		);
	}
}

/** One question, or the message that it cannot be shown. */
export function QuestionBoundary({ children }: { children: ComponentChildren }) {
	const t = useT();
	return <Boundary message={t('quiz.broken.question')}>{children}</Boundary>;
}

/** The whole island, or the message that it cannot be shown; `message` is already translated. */
export function IslandBoundary({
	message,
	children,
}: {
	message: string;
	children: ComponentChildren;
}) {
	return <Boundary message={message}>{children}</Boundary>;
}
