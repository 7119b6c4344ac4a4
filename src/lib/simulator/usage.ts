/**
 * The usage line docker/cli prints after a wrong option or a missing argument (cobra's
 * `UseLine`), per command, as in Docker CLI v29.
 */
export const usageLines: Record<string, string> = {
	run: 'docker run [OPTIONS] IMAGE [COMMAND] [ARG...]',
	create: 'docker create [OPTIONS] IMAGE [COMMAND] [ARG...]',
	start: 'docker start [OPTIONS] CONTAINER [CONTAINER...]',
	stop: 'docker stop [OPTIONS] CONTAINER [CONTAINER...]',
	restart: 'docker restart [OPTIONS] CONTAINER [CONTAINER...]',
	rm: 'docker rm [OPTIONS] CONTAINER [CONTAINER...]',
	kill: 'docker kill [OPTIONS] CONTAINER [CONTAINER...]',
	pause: 'docker pause CONTAINER [CONTAINER...]',
	unpause: 'docker unpause CONTAINER [CONTAINER...]',
	ps: 'docker ps [OPTIONS]',
	logs: 'docker logs [OPTIONS] CONTAINER',
	exec: 'docker exec [OPTIONS] CONTAINER COMMAND [ARG...]',
	port: 'docker port CONTAINER [PRIVATE_PORT[/PROTO]]',
	inspect: 'docker inspect [OPTIONS] NAME|ID [NAME|ID...]',
	pull: 'docker pull [OPTIONS] NAME[:TAG|@DIGEST]',
	push: 'docker push [OPTIONS] NAME[:TAG]',
	rmi: 'docker rmi [OPTIONS] IMAGE [IMAGE...]',
	tag: 'docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]',
	build: 'docker buildx build [OPTIONS] PATH | URL | -',
	'network create': 'docker network create [OPTIONS] NETWORK',
	'network connect': 'docker network connect [OPTIONS] NETWORK CONTAINER',
	'network disconnect': 'docker network disconnect [OPTIONS] NETWORK CONTAINER',
	'network inspect': 'docker network inspect [OPTIONS] NETWORK [NETWORK...]',
	'network rm': 'docker network rm NETWORK [NETWORK...]',
	'volume create': 'docker volume create [OPTIONS] [VOLUME]',
	'volume inspect': 'docker volume inspect [OPTIONS] VOLUME [VOLUME...]',
	'volume rm': 'docker volume rm [OPTIONS] VOLUME [VOLUME...]',
	'compose exec': 'docker compose exec [OPTIONS] SERVICE COMMAND [ARGS...]',
};

/** The usage line of a command, or its name when the table lacks it. */
export function usageOf(command: string): string {
	return usageLines[command] ?? `docker ${command} [OPTIONS]`;
}
