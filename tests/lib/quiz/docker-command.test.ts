import { describe, expect, test } from 'vitest';
import {
	canonicalDockerCommand,
	dockerMismatch,
	imageName,
	parseDockerCommand,
	sameDockerCommand,
} from '../../../src/lib/quiz/docker-command';

describe('sameDockerCommand()', () => {
	test.each([
		['docker ps -a', 'docker container ls --all'],
		['docker ps -a', 'docker container ps -a'],
		['docker images', 'docker image ls'],
		['docker rmi nginx', 'docker image rm nginx'],
		['docker rm web', 'docker container rm web'],
		['docker run -p 8080:80 nginx', 'docker run --publish 8080:80 nginx'],
		['docker run -p 8080:80 nginx', 'docker run --publish=8080:80 nginx'],
		['docker run -p8080:80 nginx', 'docker container run -p 8080:80 nginx'],
		['docker run -d -p 8080:80 --name web nginx', 'docker run --name web -p 8080:80 -d nginx'],
		['docker run -it ubuntu bash', 'docker run -i -t ubuntu bash'],
		['docker run -it ubuntu bash', 'docker run --interactive --tty ubuntu bash'],
		['docker exec -it web /bin/bash', 'docker container exec -ti web /bin/bash'],
		['docker build -t app .', 'docker image build --tag app .'],
		['docker build -t app .', 'docker buildx build -t app .'],
		['docker volume create dati', 'docker   volume   create   dati'],
		['docker-compose up -d', 'docker compose up --detach'],
		['docker run -v dati:/data nginx', "docker run --volume 'dati:/data' nginx"],
		[
			'docker network create --driver bridge --subnet 10.0.0.0/24 rete',
			'docker network create rete -d bridge --subnet=10.0.0.0/24',
		],
		// What is typed around the command.
		['docker run -d -p 8080:80 nginx', 'sudo docker run -d -p 8080:80 nginx'],
		['docker run -d -p 8080:80 nginx', 'sudo -E docker run -d -p 8080:80 nginx'],
		['docker ps -a', 'sudo -EH docker ps -a'],
		['docker ps -a', '$ docker ps -a'],
		['docker ps -a', 'docker ps -a;'],
		['docker ps -a', '  docker\u00a0ps   -a  '],
		// Keyboards that turn `--` into a long dash and quotes into curly ones.
		['docker ps --all', 'docker ps \u2014all'],
		['docker run -v "dati:/data" nginx', 'docker run -v \u201cdati:/data\u201d nginx'],
		// Aliases of the Docker CLI reference.
		['docker ps', 'docker container list'],
		['docker images', 'docker image list'],
		['docker rm web', 'docker container remove web'],
		['docker rmi nginx', 'docker image remove nginx'],
		['docker build -t app .', 'docker builder build -t app .'],
		['docker build -t app .', 'docker buildx b -t app .'],
		['docker logs -f web', 'docker container logs --follow web'],
		['docker logs -n 5 web', 'docker logs --tail=5 web'],
		['docker stop web', 'docker container stop web'],
		['docker exec web ls', 'docker container exec web ls'],
		['docker volume ls', 'docker volume list'],
		['docker network rm rete', 'docker network remove rete'],
		['docker cp web:/etc/hosts .', 'docker container cp web:/etc/hosts .'],
		['docker info', 'docker system info'],
		// Option spellings: long, short, attached, `=`, grouped, any order, booleans spelt out.
		['docker run -d -p 8080:80 nginx', 'docker run --detach --publish 8080:80 nginx'],
		['docker run -d -p 8080:80 nginx', 'docker run -dp 8080:80 nginx'],
		['docker run -d -p 8080:80 nginx', 'docker run -p=8080:80 -d nginx'],
		['docker run -d -p 8080:80 nginx', 'docker run --detach=true -p 8080:80 nginx'],
		['docker run -p 8080:80 nginx', 'docker run --rm=false -p 8080:80 nginx'],
		['docker run -p 80:80 -p 443:443 nginx', 'docker run -p 443:443 -p 80:80 nginx'],
		['docker run --cpus 2 nginx', 'docker run --cpus=2 nginx'],
		['docker run -d -d nginx', 'docker run -d nginx'],
		// Defaults the reference spells out.
		['docker run -d -p 8080:80 nginx', 'docker run -d -p 8080:80 nginx:latest'],
		['docker run nginx', 'docker run docker.io/library/nginx:latest'],
		['docker pull nginx', 'docker image pull library/nginx:latest'],
		['docker rmi nginx', 'docker rmi nginx:latest'],
		['docker build -t web .', 'docker build -t web:latest ./'],
		['docker run -p 8080:80 nginx', 'docker run -p 8080:80/tcp nginx'],
		['docker run -v dati:/data nginx', 'docker run -v dati:/data:rw nginx'],
		// Compose: v1's `docker-compose`, and the options before the subcommand.
		['docker compose up -d', 'docker-compose up -d'],
		['docker compose up -d', 'sudo docker compose up --detach'],
		['docker compose -f a.yaml up -d', 'docker compose --file=a.yaml up --detach'],
		['docker compose down -v', 'docker-compose down --volumes'],
		['docker compose logs -f web', 'docker compose logs --follow web'],
	])('%s = %s', (a, b) => {
		expect(sameDockerCommand(a, b)).toBe(true);
	});

	test.each([
		['docker ps', 'docker ps -a'],
		['docker run -p 8080:80 nginx', 'docker run -p 80:8080 nginx'],
		['docker run -p 8080:80 nginx', 'docker run -p 8080:80 httpd'],
		['docker rm web', 'docker rmi web'],
		['docker stop web', 'docker start web'],
		// Words after the image are the container's own command: their flags are not Docker's.
		['docker run ubuntu ls -a', 'docker run ubuntu ls --all'],
		['docker run -d nginx', 'docker run nginx -d'],
		['docker build -t a -t b .', 'docker build -t a .'],
		// Exact where it matters: another tag, registry, protocol, mode or user.
		['docker run nginx', 'docker run nginx:1.27'],
		['docker run nginx', 'docker run ghcr.io/nginx'],
		['docker run nginx', 'docker run myuser/nginx'],
		['docker run -p 53:53 dns', 'docker run -p 53:53/udp dns'],
		['docker run -v dati:/data nginx', 'docker run -v dati:/data:ro nginx'],
		['docker run -d nginx', 'sudo -u nobody docker run -d nginx'],
		['docker run -d nginx', 'docker run -d=false nginx'],
		['docker build -t web .', 'docker build -t web ..'],
		['docker compose up -d', 'docker compose up'],
		['docker compose up -d', 'docker compose start'],
		['docker ps -a', 'docker ps -a && docker ps'],
		['docker ps -a', 'docker ps -a | grep web'],
	])('%s ≠ %s', (a, b) => {
		expect(sameDockerCommand(a, b)).toBe(false);
	});

	test('compares text that is not a Docker command word by word, ignoring case', () => {
		expect(sameDockerCommand('apt-get  install -y', 'APT-GET install -y')).toBe(true);
		expect(sameDockerCommand('podman ps', 'docker ps')).toBe(false);
	});
});

describe('canonicalDockerCommand()', () => {
	test('gives the management command, long options sorted, then the arguments', () => {
		expect(canonicalDockerCommand('docker run --name web -dp 8080:80 nginx')).toBe(
			'docker container run --detach --name=web --publish=8080:80 nginx'
		);
	});

	test('gives the compose file options before the subcommand with the rest of the options', () => {
		expect(canonicalDockerCommand('docker compose -f a.yaml -p demo up -d')).toBe(
			'docker compose up --detach --file=a.yaml --project-name=demo'
		);
	});

	test('is null for anything that is not a docker command', () => {
		expect(canonicalDockerCommand('ls -a')).toBeNull();
		expect(canonicalDockerCommand('docker')).toBeNull();
		expect(canonicalDockerCommand('')).toBeNull();
	});
});

describe('parseDockerCommand()', () => {
	test('takes the command, its options and its arguments apart', () => {
		expect(parseDockerCommand('sudo docker run -it --rm ubuntu:latest ls -a')).toEqual({
			name: 'container run',
			options: ['--interactive', '--rm', '--tty'],
			args: ['ubuntu', 'ls', '-a'],
		});
	});
});

describe('imageName()', () => {
	test.each([
		['nginx', 'nginx'],
		['nginx:latest', 'nginx'],
		['docker.io/library/nginx', 'nginx'],
		['index.docker.io/library/nginx:latest', 'nginx'],
		['docker.io/bitnami/redis:7', 'bitnami/redis:7'],
		['localhost:5000/app', 'localhost:5000/app'],
		['nginx@sha256:abc', 'nginx@sha256:abc'],
	])('%s → %s', (reference, name) => {
		expect(imageName(reference)).toBe(name);
	});
});

describe('dockerMismatch()', () => {
	const run = ['docker run -d -p 8080:80 nginx', 'docker run -d -p 8080:80 nginx:latest'];
	test.each<[string, readonly string[], ReturnType<typeof dockerMismatch>]>([
		['sudo docker run --detach -p 8080:80 nginx', run, null],
		['podman run -d -p 8080:80 nginx', run, { kind: 'notDocker' }],
		['docker start nginx', run, { kind: 'command', given: 'container start' }],
		[
			'docker run -d -p 80:8080 nginx',
			run,
			{ kind: 'options', wrongValue: ['--publish'], extra: [], missing: 0 },
		],
		[
			'docker run -p 8080:80 nginx',
			run,
			{ kind: 'options', wrongValue: [], extra: [], missing: 1 },
		],
		[
			'docker run -d --rm -p 8080:80 nginx',
			run,
			{ kind: 'options', wrongValue: [], extra: ['--rm'], missing: 0 },
		],
		['docker run -d -p 8080:80 httpd', run, { kind: 'arguments' }],
		['docker build -t web', ['docker build -t web .'], { kind: 'arguments' }],
	])('%s', (answer, accepted, expected) => {
		expect(dockerMismatch(answer, accepted)).toEqual(expected);
	});
});
