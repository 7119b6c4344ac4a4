/**
 * Cases for the rules about what makes a build (or its container) fail: BuildKit's refusals, apt
 * without lists or without -y, Apache without its environment. `rules-syntax.test.ts` runs them;
 * `lint.test.ts` counts them among the cases every rule must have.
 */

/** A Dockerfile from lines. */
export const file = (...lines: string[]) => `${lines.join('\n')}\n`;
/** A one-stage Dockerfile on a tagged Alpine image, the given lines after FROM (line 2 onwards). */
export const stage = (...lines: string[]) => file('FROM alpine:3.20', ...lines);
/** The same on Ubuntu, whose package lists are empty until `apt-get update`. */
export const ubuntu = (...lines: string[]) => file('FROM ubuntu:24.04', ...lines);

/** A Dockerfile a rule flags, the line of its first finding and, when given, the column. */
export type Bad = [text: string, line: number, column?: number];

/** What a rule must flag and what it must leave alone. */
export interface FailureCase {
	bad: Bad[];
	/** Dockerfiles the rule leaves alone. */
	good: string[];
}

/** The cases of each rule, by the rule's id. */
export const failureCases: Record<string, FailureCase> = {
	'empty-dockerfile': {
		bad: [
			['', 1, 1],
			[file('# only a comment'), 1, 1],
			['\n\n', 1, 1],
			[file('# syntax=docker/dockerfile:1'), 1, 1],
		],
		good: [file('FROM alpine:3.20')],
	},
	'invalid-escape-directive': {
		bad: [[file('# escape=x', 'FROM alpine:3.20'), 1, 1]],
		good: [
			file('# escape=`', 'FROM alpine:3.20'),
			// An unknown directive ends the directives: the line after it is a comment.
			file('# foo=bar', '# escape=x', 'FROM alpine:3.20'),
		],
	},
	'duplicate-directive': {
		bad: [
			[
				file('# syntax=docker/dockerfile:1', '# syntax=docker/dockerfile:1.7', 'FROM alpine:3.20'),
				2,
			],
			[file('# escape=`', '# ESCAPE=`', 'FROM alpine:3.20'), 2],
		],
		good: [file('# syntax=docker/dockerfile:1', '# escape=`', 'FROM alpine:3.20')],
	},
	'missing-arguments': {
		bad: [
			[stage('WORKDIR'), 2, 1],
			[stage('USER'), 2],
			[stage('EXPOSE'), 2],
			[stage('ENV'), 2],
			[stage('LABEL'), 2],
			[stage('ARG'), 2],
			[stage('VOLUME'), 2],
			[stage('VOLUME []'), 2],
			[stage('SHELL []'), 2],
			[stage('ONBUILD'), 2],
			[stage('HEALTHCHECK'), 2],
			[stage('HEALTHCHECK --interval=5s'), 2],
			[stage('STOPSIGNAL'), 2],
			[stage('MAINTAINER'), 2],
			[stage('USER root', 'workdir'), 3, 1],
		],
		good: [
			stage('WORKDIR /app', 'USER app', 'EXPOSE 80', 'ENV A=1', 'ARG B', 'VOLUME /data'),
			stage(
				'SHELL ["/bin/sh", "-c"]',
				'ONBUILD RUN true',
				'STOPSIGNAL SIGTERM',
				'HEALTHCHECK NONE'
			),
			stage('CMD', 'RUN'),
		],
	},
	'empty-command': {
		bad: [
			[stage('CMD'), 2, 1],
			[stage('ENTRYPOINT'), 2, 1],
		],
		good: [stage('ENTRYPOINT []', 'CMD []'), stage('CMD ["node", "server.js"]')],
	},
	'from-arguments': {
		bad: [
			[file('FROM'), 1, 1],
			[file('FROM alpine:3.20 build'), 1],
			[file('FROM alpine:3.20 AS build extra'), 1],
			[file('FROM --platform=linux/amd64'), 1],
			[file('FROM alpine:3.20', 'FROM node:22 AS web', 'FROM nginx:1.27 to web'), 3],
		],
		good: [
			file('FROM alpine:3.20'),
			file('FROM alpine:3.20 AS build'),
			file('FROM --platform=linux/amd64 alpine:3.20 as build'),
			// `FROM image AS` has its own rule.
			file('FROM alpine:3.20 AS'),
		],
	},
	'empty-stage-name': {
		bad: [
			[file('FROM alpine:3.20 AS', 'RUN echo hi'), 1, 18],
			[file('FROM --platform=linux/arm64 alpine:3.20 as'), 1, 41],
			[file('FROM alpine:3.20 AS base', 'RUN true', 'FROM base AS'), 3, 11],
		],
		good: [file('FROM alpine:3.20 AS build'), file('FROM alpine:3.20')],
	},
	'invalid-stage-name': {
		bad: [
			[file('FROM alpine:3.20 AS 1st'), 1, 21],
			[file('FROM alpine:3.20 AS my/stage'), 1],
			[file('FROM alpine:3.20 AS $NAME'), 1],
		],
		good: [file('FROM alpine:3.20 AS build-2.0_x'), file('FROM alpine:3.20 AS Build')],
	},
	'copy-missing-destination': {
		bad: [
			[stage('COPY app.py'), 2, 1],
			[stage('ADD app.tar.gz'), 2],
			[stage('COPY ["app.py"]'), 2],
			[stage('COPY --chown=app app.py'), 2],
			[stage('COPY'), 2],
			[stage('COPY <<EOF', 'hello', 'EOF'), 2],
		],
		good: [
			stage('COPY app.py /app/'),
			stage('COPY ["app.py", "/app/"]'),
			stage('COPY <<EOF /app/hello.txt', 'hello', 'EOF'),
		],
	},
	'unknown-flag': {
		bad: [
			[stage('COPY --foo a /b'), 2, 6],
			[stage('RUN --mnt=type=cache,target=/x true'), 2, 5],
			[file('FROM --plaform=linux/amd64 alpine:3.20'), 1, 6],
			[stage('ADD --from=build a /b'), 2, 5],
			[stage('COPY --checksum=sha256:0 a /b'), 2],
			[stage('HEALTHCHECK --foo=1 CMD true'), 2],
			[stage('MAINTAINER --boo joe@example.com'), 2],
			[stage('ENV --x=1 A=b'), 2],
			[stage('WORKDIR --x /app'), 2],
			[stage('CMD --verbose'), 2, 5],
			[stage('COPY --link \\', '  --frm=build a /b'), 3, 3],
		],
		good: [
			stage('COPY --from=0 --chown=1:1 --chmod=644 --link --parents --exclude=*.md a /b/'),
			stage('ADD --checksum=sha256:0 --keep-git-dir --unpack=false https://example.com/a.tgz /b/'),
			stage('RUN --mount=type=cache,target=/x --network=none --security=sandbox true'),
			stage(
				'HEALTHCHECK --interval=30s --timeout=3s --start-period=5s --start-interval=1s CMD true'
			),
			// ARG, STOPSIGNAL and HEALTHCHECK NONE never read their flags.
			stage('ARG --foo=1 X', 'STOPSIGNAL --foo SIGTERM', 'HEALTHCHECK --foo=1 NONE'),
			stage('CMD ["--verbose"]'),
			stage('RUN -- --version'),
		],
	},
	'duplicate-flag': {
		bad: [
			[stage('COPY --from=a --from=b x /y'), 2, 15],
			[stage('RUN --network=none --network=host true'), 2, 20],
			[stage('COPY --link --link a /b/'), 2],
		],
		good: [
			stage('RUN --mount=type=cache,target=/a --mount=type=cache,target=/b true'),
			stage('COPY --exclude=*.md --exclude=*.txt . /app/'),
		],
	},
	'flag-missing-value': {
		bad: [
			[stage('COPY --from a /b'), 2, 6],
			[stage('RUN --mount true'), 2],
			[file('FROM --platform alpine:3.20'), 1, 6],
			[stage('COPY --link= a /b/'), 2],
			[stage('HEALTHCHECK --interval CMD true'), 2],
		],
		good: [stage('COPY --link a /b/'), stage('COPY --link=true a /b/'), stage('COPY --from= a /b')],
	},
	'flag-not-boolean': {
		bad: [
			[stage('COPY --link=yes a /b/'), 2, 6],
			[stage('ADD --unpack=1 a.tgz /b/'), 2],
		],
		good: [stage('COPY --link=FALSE a /b/'), stage('COPY --parents=True a /b/')],
	},
	'healthcheck-duration': {
		bad: [
			[stage('HEALTHCHECK --interval=5 CMD true'), 2, 13],
			[stage('HEALTHCHECK --timeout=1x CMD true'), 2],
			[stage('HEALTHCHECK --start-period=500us CMD true'), 2],
			[stage('HEALTHCHECK --interval=-5s CMD true'), 2],
			[stage('HEALTHCHECK --start-interval=.s CMD true'), 2],
			// Flags are read before any variable is replaced.
			[stage('ARG EVERY=30s', 'HEALTHCHECK --interval=$EVERY CMD true'), 3],
		],
		good: [
			stage('HEALTHCHECK --interval=30s --timeout=1m30s --start-period=0 CMD true'),
			stage('HEALTHCHECK --interval=1ms --timeout=2h45m --start-interval=.5s CMD true'),
			stage('HEALTHCHECK --interval= CMD true'),
			stage('HEALTHCHECK --interval=5 NONE'),
		],
	},
	'healthcheck-retries': {
		bad: [
			[stage('HEALTHCHECK --retries=x CMD true'), 2, 13],
			[stage('HEALTHCHECK --retries=-1 CMD true'), 2],
			[stage('HEALTHCHECK --retries=1.5 CMD true'), 2],
			[stage('HEALTHCHECK --retries=3000000000 CMD true'), 2],
		],
		good: [
			stage('HEALTHCHECK --retries=3 CMD true'),
			stage('HEALTHCHECK --retries=+3 CMD true'),
			stage('HEALTHCHECK --retries=0 CMD true'),
			stage('HEALTHCHECK --retries= CMD true'),
		],
	},
	'healthcheck-type': {
		bad: [
			[stage('HEALTHCHECK curl -f http://localhost/'), 2, 13],
			[stage('HEALTHCHECK NONE CMD true'), 2],
		],
		good: [stage('HEALTHCHECK cmd true'), stage('HEALTHCHECK none')],
	},
	'healthcheck-missing-command': {
		bad: [
			[stage('HEALTHCHECK CMD'), 2, 13],
			[stage('HEALTHCHECK --interval=30s CMD []'), 2],
		],
		good: [stage('HEALTHCHECK CMD ["true"]'), stage('HEALTHCHECK CMD true')],
	},
	'invalid-stop-signal': {
		bad: [
			[stage('STOPSIGNAL SIGFOO'), 2, 12],
			[stage('STOPSIGNAL 0'), 2],
			[stage('STOPSIGNAL SIGTERM SIGKILL'), 2],
			[stage('STOPSIGNAL SIGRTMIN+16'), 2],
		],
		good: [
			stage('STOPSIGNAL SIGTERM'),
			stage('STOPSIGNAL term'),
			stage('STOPSIGNAL 9'),
			stage('STOPSIGNAL SIGRTMAX-3'),
			stage('STOPSIGNAL $SIGNAL'),
			stage('STOPSIGNAL "SIGQUIT"'),
		],
	},
	'onbuild-trigger': {
		bad: [
			[stage('ONBUILD FROM alpine'), 2, 9],
			[stage('ONBUILD onbuild RUN true'), 2, 9],
			[stage('ONBUILD MAINTAINER me'), 2],
		],
		good: [stage('ONBUILD RUN make'), stage('ONBUILD COPY . /app/')],
	},
	'shell-not-json': {
		bad: [
			[stage('SHELL /bin/bash -c'), 2, 7],
			[stage("SHELL ['/bin/bash', '-c']"), 2],
		],
		good: [stage('SHELL ["/bin/bash", "-c"]')],
	},
	'json-not-strings': {
		bad: [
			[stage('CMD ["sleep", 10]'), 2, 5],
			[stage('RUN ["echo", true]'), 2],
			[stage('COPY ["a", null]'), 2],
			[stage('HEALTHCHECK CMD ["curl", 1]'), 2],
			[stage('VOLUME [1]'), 2],
		],
		good: [stage('CMD ["sleep", "10"]'), stage('CMD [sleep, 10]'), stage('ENV A=[1]')],
	},
	'blank-name': {
		bad: [
			[stage('ENV =value'), 2, 5],
			[stage('ARG =1'), 2],
			[stage('LABEL a=b =c'), 2, 11],
			[stage('ENV A=1 =2'), 2],
		],
		good: [stage('ENV A==1'), stage('ENV A =b'), stage('ARG A=')],
	},
	'empty-volume': {
		bad: [
			[stage('VOLUME [""]'), 2, 8],
			[stage('VOLUME ["/data", " "]'), 2],
		],
		good: [stage('VOLUME ["/data"]'), stage('VOLUME /data /logs')],
	},
	'invalid-run-option': {
		bad: [
			[stage('RUN --network=bridge true'), 2, 5],
			[stage('RUN --security=privileged true'), 2],
			[stage('RUN --network=NONE true'), 2],
		],
		good: [stage('RUN --network=none true'), stage('RUN --network=host --security=insecure true')],
	},
	'run-device-labs': {
		bad: [[stage('RUN --device=/dev/fuse true'), 2, 5]],
		good: [
			file('# syntax=docker/dockerfile:1-labs', 'FROM alpine:3.20', 'RUN --device=/dev/fuse true'),
		],
	},
	'invalid-mount': {
		bad: [
			[stage('RUN --mount=type=cach,target=/root/.cache true'), 2, 5],
			[stage('RUN --mount=type=cache,tagret=/root/.cache true'), 2],
			[stage('RUN --mount=type=bind,size=10m,target=/x true'), 2],
			// `required` is judged by the type set so far.
			[stage('RUN --mount=required,type=secret,id=x true'), 2],
			[stage('RUN --mount=type=secret true'), 2],
			[stage('RUN --mount=type=secret,id=a,src=b true'), 2],
			[stage('RUN --mount=type=cache,target=/x,sharing=global true'), 2],
			[stage('RUN --mount=type=bind,sharing=locked,target=/x true'), 2],
			[stage('RUN --mount=type=bind,target=/x,mode=0700 true'), 2],
			[stage('RUN --mount=type=tmpfs,target=/x,size=big true'), 2],
			[stage('RUN --mount=type=cache,target=/x,uid=abc true'), 2],
			[stage('RUN --mount=type=cache,target=/x,ro=maybe true'), 2],
			[stage('RUN --mount=type=cache,target=/x,nocache true'), 2],
		],
		good: [
			stage(
				'RUN --mount=type=cache,target=/root/.cache,sharing=locked,id=pip,mode=0755,uid=1000 true'
			),
			stage('RUN --mount=type=secret,id=token,required true'),
			stage('RUN --mount=type=secret,id=token,required=true,env=TOKEN true'),
			stage(
				'RUN --mount=type=tmpfs,target=/tmp,size=64m --mount=type=tmpfs,target=/t,size=1.5GiB true'
			),
			stage('RUN --mount=type=bind,source=.,target=/src,ro true'),
			stage('RUN --mount=type=ssh true'),
			stage('RUN --mount=type=bind,from=build,src=/out,dst=/in,readwrite true'),
			stage('ARG TYPE=cache', 'RUN --mount=type=$TYPE,target=/x true'),
		],
	},
	'from-flag-variable': {
		bad: [
			[stage('ARG BUILDER=build', 'COPY --from=$BUILDER /out /app/'), 3, 6],
			[stage('COPY --from=${STAGE} /out /app/'), 2],
			[stage('RUN --mount=type=bind,from=$IMAGE,target=/x true'), 2, 5],
		],
		good: [
			file(
				'ARG IMAGE=alpine:3.20',
				'FROM ${IMAGE} AS source',
				'FROM alpine:3.20',
				'COPY --from=source /etc/os-release /app/'
			),
		],
	},
	'chmod-not-octal': {
		bad: [
			[stage('COPY --chmod=888 a /b'), 2, 6],
			[stage('COPY --chmod=10000 a /b'), 2],
			[stage('ADD --chmod=9 a /b'), 2],
		],
		good: [
			stage('COPY --chmod=0755 a /b'),
			stage('COPY --chmod=u+x a /b'),
			stage('COPY --chmod=7777 a /b'),
		],
	},
	'add-checksum-source': {
		bad: [
			[stage('ADD --checksum=sha256:abc app.tar.gz /app/'), 2, 5],
			[stage('ADD --checksum=sha256:abc https://example.com/a https://example.com/b /app/'), 2],
		],
		good: [
			stage('ADD --checksum=sha256:abc https://example.com/a.tgz /app/'),
			stage('ADD --checksum=sha256:abc git@github.com:moby/buildkit.git /src/'),
			stage('ARG URL=https://example.com/a.tgz', 'ADD --checksum=sha256:abc $URL /app/'),
		],
	},
	'copy-url-source': {
		bad: [
			[stage('COPY https://example.com/app.tar.gz /app/'), 2, 6],
			[stage('COPY ["http://example.com/a", "/app/"]'), 2],
		],
		good: [stage('ADD https://example.com/app.tar.gz /app/'), stage('COPY app.tar.gz /app/')],
	},
	'unterminated-heredoc': {
		bad: [
			[stage('RUN <<EOF', 'echo hello'), 2, 5],
			[stage('COPY <<EOF /app/a.txt', 'text', 'EOF2'), 2, 6],
			[stage('RUN <<-EOT', '\techo hi', '\tEOF'), 2],
			[stage('RUN <<A <<B', 'one', 'A', 'two'), 2, 9],
		],
		good: [
			stage('RUN <<EOF', 'echo hello', 'EOF'),
			stage('RUN <<-EOT', '\techo hi', '\tEOT'),
			stage('RUN <<"EOF" bash', 'echo $HOME', 'EOF', 'RUN true'),
			stage('RUN <<A <<B', 'one', 'A', 'two', 'B'),
			stage('RUN echo "<<EOF"'),
			stage('RUN cat <<<"hi"'),
		],
	},
	'apt-update-missing': {
		bad: [
			[ubuntu('RUN apt-get install -y apache2'), 2, 5],
			[file('FROM ubuntu', 'RUN apt install -y apache2'), 2, 5],
			[file('FROM python:3.12-slim', 'RUN apt-get install -y gcc'), 2],
			[file('FROM docker.io/library/nginx:1.27', 'RUN apt-get install -y curl'), 2],
			[
				file(
					'FROM debian:12',
					'RUN apt-get update && apt-get install -y a && rm -rf /var/lib/apt/lists/*',
					'RUN apt-get install -y b'
				),
				3,
			],
			[
				file('FROM node:22', 'RUN apt-get update && apt-get dist-clean && apt-get install -y git'),
				2,
			],
			[file('FROM ubuntu:24.04 AS base', 'FROM base', 'RUN apt-get install -y curl'), 3],
			[
				ubuntu(
					'RUN --mount=type=cache,target=/var/lib/apt apt-get update',
					'RUN apt-get install -y curl'
				),
				3,
			],
		],
		good: [
			ubuntu('RUN apt-get update && apt-get install -y apache2'),
			ubuntu('RUN apt-get update', 'RUN apt-get install -y apache2'),
			file(
				'FROM ubuntu:24.04 AS base',
				'RUN apt-get update',
				'FROM base',
				'RUN apt-get install -y curl'
			),
			ubuntu('RUN apt-get install -y ./local.deb'),
			ubuntu('RUN --mount=type=cache,target=/var/lib/apt apt-get install -y curl'),
			file('FROM myorg/ubuntu:24.04', 'RUN apt-get install -y curl'),
			file('FROM python:3.12-alpine', 'RUN apt-get install -y gcc'),
		],
	},
	'apt-update-maybe-missing': {
		bad: [
			[file('FROM myorg/base:1', 'RUN apt-get install -y curl'), 2, 5],
			[file('ARG BASE=ubuntu:24.04', 'FROM ${BASE}', 'RUN apt-get install -y curl'), 3],
			[file('FROM mcr.microsoft.com/devcontainers/base:ubuntu', 'RUN apt install -y curl'), 2],
		],
		good: [
			file('FROM myorg/base:1', 'RUN apt-get update && apt-get install -y curl'),
			ubuntu('RUN apt-get install -y curl'),
		],
	},
	'apt-on-alpine': {
		bad: [
			[stage('RUN apt-get update && apt-get install -y curl'), 2, 5],
			[file('FROM node:22-alpine', 'RUN apt install -y git'), 2, 5],
			[file('FROM nginx:alpine', 'RUN apt-get update'), 2],
			[file('FROM alpine:3.20 AS base', 'FROM base', 'RUN apt-get install -y curl'), 3],
		],
		good: [stage('RUN apk add --no-cache curl'), file('FROM node:22', 'RUN apt-get update')],
	},
	'apache-without-envvars': {
		bad: [
			[ubuntu('CMD ["apache2", "-D", "FOREGROUND"]'), 2, 6],
			[ubuntu('CMD apache2 -D FOREGROUND'), 2, 5],
			[ubuntu('ENTRYPOINT ["/usr/sbin/apache2"]', 'CMD ["-D", "FOREGROUND"]'), 2, 13],
			[ubuntu('ENV APACHE_RUN_DIR=/var/run/apache2', 'CMD ["apache2", "-D", "FOREGROUND"]'), 3],
		],
		good: [
			ubuntu('CMD ["apache2ctl", "-D", "FOREGROUND"]'),
			ubuntu('CMD . /etc/apache2/envvars && exec apache2 -D FOREGROUND'),
			ubuntu('CMD ["bash", "-c", "source /etc/apache2/envvars && exec apache2 -D FOREGROUND"]'),
			ubuntu(
				'ENV APACHE_RUN_DIR=/var/run/apache2 APACHE_PID_FILE=/var/run/apache2/apache2.pid',
				'ENV APACHE_RUN_USER=www-data APACHE_RUN_GROUP=www-data APACHE_LOG_DIR=/var/log/apache2',
				'CMD ["apache2", "-D", "FOREGROUND"]'
			),
		],
	},
	'exec-argument-spaces': {
		bad: [
			[ubuntu('CMD ["apache2ctl", "-D", "FOREGROUND "]'), 2, 26],
			[stage('ENTRYPOINT [" /app"]'), 2, 13],
			[stage('RUN ["make", "install "]'), 2],
			[stage('SHELL ["/bin/bash ", "-c"]'), 2],
			[stage('HEALTHCHECK CMD ["curl", " -f", "http://localhost/"]'), 2],
		],
		good: [
			stage('CMD ["apache2ctl", "-D", "FOREGROUND"]'),
			stage('CMD ["sh", "-c", " echo hi "]'),
			stage('CMD ["echo", "hello world "]'),
		],
	},
};
