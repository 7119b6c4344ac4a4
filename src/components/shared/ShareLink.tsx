/**
 * The link a lab made to share its state, in a read-only field that selects itself when focused,
 * so that it can be copied by hand where the clipboard refused it.
 */
export function ShareLink(props: { id: string; label: string; url: string; class: string }) {
	return (
		<p class={props.class}>
			<label for={`${props.id}-link`}>{props.label}</label>
			<input
				id={`${props.id}-link`}
				type="text"
				readOnly
				value={props.url}
				onFocus={(event) => event.currentTarget.select()}
			/>
		</p>
	);
}
