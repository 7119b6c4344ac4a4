/**
 * The notices above the builder (a link or a save that could not be opened, a device that keeps
 * nothing), each with a download of what was set aside, so nothing the learner had is lost.
 */
import { setAsideName, type BuilderSession, type SetAside } from '../../lib/dockerfile/builder.ts';
import { download } from '../shared/download.ts';
import { useT } from '../shared/strings.ts';

/** Which notices come with what was set aside from where. */
const setAsideFrom: Partial<Record<string, SetAside['from']>> = {
	url: 'url',
	urlTooLarge: 'url',
	storage: 'storage',
	storageTooLarge: 'storage',
};

export function Notices({ session }: { session: Pick<BuilderSession, 'notices' | 'setAside'> }) {
	const t = useT();
	return (
		<>
			{session.notices.map((notice) => {
				const aside = session.setAside.find((entry) => entry.from === setAsideFrom[notice]);
				return (
					<div key={notice} class="df-notice" role="status">
						<p>{t(`builder.notice.${notice}`)}</p>
						{aside && (
							<p>
								<button
									type="button"
									class="df-button df-small"
									onClick={() =>
										download(
											new Blob([aside.text], { type: 'application/octet-stream' }),
											setAsideName(aside)
										)
									}
								>
									{t(aside.dockerfile ? 'builder.setAside.dockerfile' : 'builder.setAside.text')}
								</button>
							</p>
						)}
					</div>
				);
			})}
		</>
	);
}
