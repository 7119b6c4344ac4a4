import { describe, expect, it } from 'vitest';
import {
	completions,
	createHost,
	planComposeUp,
	runCommand,
	runScript,
	type HostState,
} from '../../../src/lib/simulator/index.ts';
import { humanDuration, humanSize } from '../../../src/lib/simulator/format.ts';

/** The last result of a script. */
const last = (script: string, files?: Record<string, string>) =>
	runScript(script, files ? { files } : {}).at(-1)!;

describe('go-units formats', () => {
	it.each([
		[0, 'Less than a second'],
		[1, '1 second'],
		[2, '2 seconds'],
		[59, '59 seconds'],
		[60, 'About a minute'],
		[119, 'About a minute'],
		[120, '2 minutes'],
		[3600, 'About an hour'],
		[7200, '2 hours'],
		[3 * 86400, '3 days'],
		[20 * 86400, '2 weeks'],
		[90 * 86400, '3 months'],
	])('humanDuration(%i) is %s', (seconds, text) => expect(humanDuration(seconds)).toBe(text));

	it.each([
		[192_000_000, '192MB'],
		[8_440_000, '8.44MB'],
		[1_130_000_000, '1.13GB'],
		[512, '512B'],
	])('humanSize(%i) is %s', (bytes, text) => expect(humanSize(bytes)).toBe(text));
});

describe('commands', () => {
	it.each<[string, string, RegExp | string, number?]>([
		['docker with no command prints its usage', 'docker', 'Usage:  docker [OPTIONS] COMMAND'],
		[
			'pull prints the default tag and the reference',
			'docker pull nginx',
			/Using default tag: latest[\s\S]*docker\.io\/library\/nginx:latest$/,
		],
		[
			'a second pull is up to date',
			'docker pull alpine\ndocker pull alpine',
			'Status: Image is up to date for alpine:latest',
		],
		[
			'images has Docker’s columns',
			'docker pull alpine:3.22\ndocker images',
			/^REPOSITORY {3}TAG {7}IMAGE ID {7}CREATED {7}SIZE\nalpine {7}3\.22 {6}[0-9a-f]{12} {3}5 weeks ago {3}8\.44MB$/,
		],
		['image ls is images', 'docker pull alpine\ndocker image ls', /alpine +latest/],
		[
			'a shell image exits at once without -it',
			'docker run --name s ubuntu\ndocker ps -a',
			/Exited \(0\) 2 seconds ago/,
		],
		['with -dit it stays up', 'docker run -dit --name s ubuntu\ndocker ps', /Up 2 seconds/],
		['a command runs and prints', 'docker run --rm alpine echo ciao', /ciao$/],
		[
			'ps truncates COMMAND with an ellipsis, quoted',
			'docker run -d nginx\ndocker ps',
			'"/docker-entrypoint.…"',
		],
		['ps -q lists short ids', 'docker run -d nginx\ndocker ps -q', /^[0-9a-f]{12}$/],
		['a generated name has Docker’s form', 'docker run -d nginx\ndocker ps', / {3}[a-z]+_[a-z]+$/],
		[
			'-P publishes exposed ports on high ports',
			'docker run -d -P --name w nginx\ndocker port w',
			'80/tcp -> 0.0.0.0:32768',
		],
		[
			'-p IP:HOST:CONTAINER binds one address',
			'docker run -d -p 127.0.0.1:8080:80 --name w nginx\ndocker ps',
			'127.0.0.1:8080->80/tcp',
		],
		[
			'an alpine image has no bash',
			'docker run -d --name a alpine sleep 1d\ndocker exec -it a bash',
			'executable file not found in $PATH',
			126,
		],
		[
			'nginx answers curl from the host',
			'docker run -d -p 8080:80 nginx\ncurl http://localhost:8080/',
			'<h1>Welcome to nginx!</h1>',
		],
		[
			'httpd answers It works!',
			'docker run -d -p 8080:80 httpd\ncurl -s http://localhost:8080',
			'<html><body><h1>It works!</h1></body></html>',
		],
		[
			'a stopped server does not answer',
			'docker run -d -p 8080:80 --name w nginx\ndocker stop w\ncurl http://localhost:8080/',
			'curl: (7)',
			7,
		],
		[
			'a paused container still holds its published port',
			'docker run -d -p 8080:80 --name a nginx\ndocker pause a\ndocker run -d -p 8080:80 --name b nginx',
			'port is already allocated',
			125,
		],
		[
			'ps shows a paused container with its ports',
			'docker run -d -p 8080:80 --name a nginx\ndocker pause a\ndocker ps',
			/\(Paused\) +0\.0\.0\.0:8080->80\/tcp, \[::\]:8080->80\/tcp +a$/,
		],
		[
			'curl to a paused server waits until the learner gives up',
			'docker run -d -p 8080:80 --name a nginx\ndocker pause a\ncurl http://localhost:8080/',
			'^C',
			130,
		],
		[
			'curl -m to a paused server times out',
			'docker run -d -p 8080:80 --name a nginx\ndocker pause a\ncurl -sS -m 2 -H "Accept: text/html" localhost:8080',
			'curl: (28) Operation timed out after 2000 milliseconds with 0 bytes received',
			28,
		],
		[
			'curl -s keeps its error line off the screen',
			'curl -s --max-time 5 http://localhost:8080/',
			/^$/,
			7,
		],
		[
			'the word after a curl option with a value is not the URL',
			'docker run -d -p 8080:80 nginx\ncurl -H "Accept: text/html" -A prova http://localhost:8080/',
			'<h1>Welcome to nginx!</h1>',
		],
		[
			'a paused container keeps its name and answers ping',
			'docker network create rete\ndocker run -d --name db --network rete alpine sleep 1d\ndocker run -d --name t --network rete alpine sleep 1d\ndocker pause db\ndocker exec t ping -c 1 db',
			'1 packets received',
		],
		[
			'kill stops a paused container',
			'docker run -d --name a nginx\ndocker pause a\ndocker kill a\ndocker ps -a',
			/Exited \(137\) .* a$/,
		],
		[
			'restart of a paused container leaves it running, no longer paused',
			'docker run -d --name a nginx\ndocker pause a\ndocker restart a\ndocker ps',
			/Up \d+ seconds? +80\/tcp +a$/,
		],
		[
			'start of a paused container is refused',
			'docker run -d --name a nginx\ndocker pause a\ndocker start a',
			'cannot start a paused container, try unpause instead\nfailed to start containers: a',
			1,
		],
		[
			'port lists a paused container’s published port',
			'docker run -d -p 8080:80 --name a nginx\ndocker pause a\ndocker port a',
			'80/tcp -> 0.0.0.0:8080',
		],
		[
			'the host reaches a bridge address',
			'docker run -d nginx\ncurl http://172.17.0.2/',
			'Welcome to nginx!',
		],
		[
			'the gateway answers ping',
			'docker run -d --name a alpine sleep 1d\ndocker exec a ping -c 1 172.17.0.1',
			'1 packets received',
		],
		[
			'logs -f just prints',
			'docker run -d --name r redis\ndocker logs -f r',
			'Ready to accept connections tcp',
		],
		[
			'postgres without a password exits 1',
			'docker run -d --name p postgres\ndocker ps -a',
			'Exited (1)',
		],
		['node exits without -it', 'docker run --name n node\ndocker ps -a', 'Exited (0)'],
		[
			'inspect shows State.Status',
			'docker run -d --name w nginx\ndocker inspect -f "{{.State.Status}}" w',
			/^running$/,
		],
		[
			'inspect prints JSON with four spaces',
			'docker run -d --name w nginx\ndocker inspect w',
			/^\[\n {4}\{\n {8}"Id": "[0-9a-f]{64}"/,
		],
		[
			'inspect with json',
			'docker run -d --name w -p 8080:80 nginx\ndocker inspect -f "{{json .HostConfig.PortBindings}}" w',
			'{"80/tcp":[{"HostIp":"","HostPort":"8080"}]}',
		],
		['container ls is ps', 'docker run -d --name w nginx\ndocker container ls', / w$/],
		[
			'restart gives a new start time',
			'docker run -d --name w nginx\ndocker restart w\ndocker ps',
			'Up 2 seconds',
		],
		[
			'rm -f removes a running container',
			'docker run -d --name w nginx\ndocker rm -f w\ndocker ps -a',
			/^CONTAINER ID.*NAMES$/,
		],
		[
			'--rm removes the anonymous volumes',
			'docker run --rm -v /dati alpine true\ndocker volume ls',
			/^DRIVER {4}VOLUME NAME$/,
		],
		[
			'rm -v removes them too',
			'docker run --name a -v /dati alpine true\ndocker rm -v a\ndocker volume ls',
			/^DRIVER {4}VOLUME NAME$/,
		],
		[
			'a volume keeps data across containers',
			"docker run --rm -v dati:/d alpine sh -c 'echo uno > /d/f && echo due >> /d/f'\ndocker run --rm -v dati:/d alpine cat /d/f",
			/uno\ndue$/,
		],
		[
			'a bind mount serves the host files',
			'docker run -d -p 8080:80 -v ./sito:/usr/share/nginx/html:ro nginx\ncurl http://localhost:8080/',
			'<p>mia</p>',
		],
		[
			'volume prune keeps named volumes',
			'docker volume create a\ndocker run --name t -v /x alpine true\ndocker rm t\ndocker volume prune\ndocker volume ls',
			'local     a',
		],
		[
			'network ls has the defaults sorted',
			'docker network ls',
			/bridge +bridge +local\n[0-9a-f]{12} +host +host +local\n[0-9a-f]{12} +none +null +local$/,
		],
		[
			'new networks take Docker’s pools in order',
			'docker network create a\ndocker network create b\ndocker network inspect -f "{{range .IPAM.Config}}{{.Subnet}}{{end}}" b',
			'172.19.0.0/16',
		],
		[
			'after 172.31 come 192.168 /20 pools',
			Array.from({ length: 15 }, (_, i) => `docker network create n${i}`).join('\n') +
				'\ndocker network inspect -f "{{range .IPAM.Config}}{{.Subnet}}{{end}}" n14',
			'192.168.0.0/20',
		],
		[
			'aliases resolve on user networks',
			'docker network create n\ndocker run -d --name a --network n alpine sleep 1d\ndocker run -d --name b alpine sleep 1d\ndocker network connect --alias base n b\ndocker exec a getent hosts base',
			/^172\.18\.0\.3 +base$/,
		],
		[
			'getent fails with 2 on the default bridge',
			'docker run -d --name a nginx\ndocker run -d --name b nginx\ndocker exec a getent hosts b',
			'',
			2,
		],
		[
			'disconnect takes the address away',
			'docker network create n\ndocker run -d --name a --network n alpine sleep 1d\ndocker network disconnect n a\ndocker inspect -f "{{range .NetworkSettings.Networks}}x{{end}}" a',
			/^$/,
		],
		[
			'an internal network has no host access',
			'docker network create --internal i\ndocker run -d --name a --network i nginx\ncurl http://172.18.0.2/',
			'curl: (7)',
			7,
		],
		[
			'a container reaches a published port on its gateway',
			'docker run -d -p 8080:80 nginx\ndocker run -d --name a alpine sleep 1d\ndocker exec a wget -qO- http://172.17.0.1:8080/',
			'Welcome to nginx!',
		],
		[
			'BusyBox wget says refused in its words',
			'docker run -d --name a alpine sleep 1d\ndocker exec a wget -qO- http://172.17.0.1:8080/',
			"wget: can't connect to remote host (172.17.0.1): Connection refused",
			1,
		],
		['unknown host commands', 'ifconfig', 'bash: ifconfig: command not found', 127],
		['commands chain with &&', 'docker run -d --name a nginx && docker stop a', /\na$/],
		['compose config prints the file', 'docker compose config', 'name: progetto'],
	])('%s', (_, script, expected, exitCode) => {
		const result = last(script, {
			'sito/index.html': '<p>mia</p>\n',
			'compose.yaml': 'services:\n  web:\n    image: nginx\n',
		});
		if (typeof expected === 'string') expect(result.output).toContain(expected);
		else expect(result.output).toMatch(expected);
		expect(result.exitCode).toBe(exitCode ?? 0);
	});

	it('never throws on odd input', () => {
		const state = createHost();
		for (const line of [
			'',
			'   ',
			'docker run',
			"docker run 'unterminated",
			'docker network',
			'docker volume',
			'docker compose',
			'&&',
			'docker inspect -f "{{" x',
			'docker run -p abc nginx',
			'docker run -p 70000:80 nginx',
		])
			expect(() => runCommand(state, line)).not.toThrow();
	});

	it('starts from a seeded host with the three networks', () => {
		const host: HostState = createHost({ seed: 7 });
		expect(host.networks.map((n) => [n.name, n.subnet, n.gateway])).toEqual([
			['bridge', '172.17.0.0/16', '172.17.0.1'],
			['host', '', ''],
			['none', '', ''],
		]);
		expect(createHost({ seed: 7 })).toEqual(host);
		expect(createHost({ seed: 8 }).networks[0]!.id).not.toBe(host.networks[0]!.id);
	});

	it('compose up waits for a healthy dependency and a completed one', () => {
		const compose = `services:
  init:
    image: alpine
    command: echo pronto
  db:
    image: redis
    healthcheck:
      test: ["CMD", "redis-cli", "ping"]
  web:
    image: nginx
    depends_on:
      db:
        condition: service_healthy
      init:
        condition: service_completed_successfully
`;
		const [up] = runScript('docker compose up -d', { compose });
		expect(up!.output).toContain(
			' Container progetto-db-1 Waiting\n Container progetto-db-1 Healthy'
		);
		expect(up!.output).toContain(
			' Container progetto-init-1 Waiting\n Container progetto-init-1 Exited'
		);
		expect(up!.output.indexOf('progetto-web-1 Started')).toBeGreaterThan(
			up!.output.indexOf('progetto-db-1 Started')
		);
	});

	it('compose up without -d attaches and prints the logs', () => {
		const [up] = runScript('docker compose up', {
			compose: 'services:\n  cache:\n    image: redis\n',
		});
		expect(up!.output).toContain('Attaching to progetto-cache-1');
		expect(up!.output).toMatch(/cache-1 {2}\| .*Ready to accept connections tcp/);
	});
});

describe('planComposeUp', () => {
	it('orders services by dependency and says who reaches whom', () => {
		const plan = planComposeUp(`name: demo
services:
  web:
    image: nginx
    ports: ["8080:80"]
    depends_on:
      db:
        condition: service_healthy
  db:
    image: mariadb
    healthcheck:
      test: ["CMD", "healthcheck.sh", "--connect"]
`);
		if ('errors' in plan) throw new Error(plan.errors.join());
		expect(plan.project).toBe('demo');
		expect(plan.steps.map((s) => s.service)).toEqual(['db', 'web']);
		expect(plan.steps[1]!.waitsFor).toEqual([{ service: 'db', condition: 'service_healthy' }]);
		expect(plan.steps[0]!.healthcheck).toBe(true);
		expect(plan.networks).toEqual([
			{ name: 'default', fullName: 'demo_default', internal: false, external: false },
		]);
		expect(plan.reach).toContainEqual({
			from: 'web',
			to: 'db',
			network: 'demo_default',
			names: ['db', 'demo-db-1'],
		});
		expect(plan.hostPorts).toEqual([
			{ service: 'web', hostIp: '0.0.0.0', published: 8080, target: 80, protocol: 'tcp' },
		]);
	});

	it('gives the errors of a broken file', () => {
		const plan = planComposeUp('services:\n  web:\n    ports: ["8080:80"]\n');
		expect('errors' in plan && plan.errors.length).toBeTruthy();
	});
});

describe('completions', () => {
	const { state } = runCommand(createHost(), 'docker run -d --name web nginx');
	it.each<[string, string[]]>([
		['', ['curl', 'docker']],
		['docker ne', ['network']],
		['docker network c', ['connect', 'create']],
		['docker stop w', ['web']],
		['docker run --ne', ['--net', '--network', '--network-alias']],
		['docker run --network b', ['bridge']],
		['docker rmi ng', ['nginx:latest']],
	])('%j', (line, expected) => expect(completions(state, line, line.length)).toEqual(expected));
});

describe('docker compose up SERVICE', () => {
	const compose = [
		'services:',
		'  web:',
		'    image: nginx',
		'    depends_on: [cache]',
		'  cache:',
		'    image: redis',
		'  db:',
		'    image: mariadb',
		'    environment:',
		'      MARIADB_ROOT_PASSWORD: segreta',
	].join('\n');

	it('starts the service and what it depends on, nothing else', () => {
		const results = runScript('docker compose up -d web\ndocker ps -a', { compose });
		expect(results[0]!.exitCode).toBe(0);
		expect(results[1]!.output).toContain('progetto-web-1');
		expect(results[1]!.output).toContain('progetto-cache-1');
		expect(results[1]!.output).not.toContain('progetto-db-1');
	});

	it('refuses a service the file does not have', () => {
		const [up] = runScript('docker compose up -d wbe', { compose });
		expect(up!.exitCode).not.toBe(0);
		expect(up!.output).toContain('no such service: wbe');
	});
});
