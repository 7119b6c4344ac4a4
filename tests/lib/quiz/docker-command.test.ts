import { describe, expect, test } from 'vitest';
import { canonicalDockerCommand, sameDockerCommand } from '../../../src/lib/quiz/docker-command';

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

	test('is null for anything that is not a docker command', () => {
		expect(canonicalDockerCommand('ls -a')).toBeNull();
		expect(canonicalDockerCommand('docker')).toBeNull();
		expect(canonicalDockerCommand('')).toBeNull();
	});
});
