/**
 * One line after each error, in the learner's language, saying why it happened and what to do.
 * The key comes from the message table (`messages.ts`); `{name}` marks a value filled in.
 */
import type { Explanation } from './types.ts';

type Texts = { it: string; en: string };

/** Every explanation, by key. */
export const explanations: Record<string, Texts> = {
	'port-allocated': {
		it: "La porta {port} dell'host è già usata da un altro container: scegline un'altra con -p {next}:{target} o ferma quello che la occupa.",
		en: 'Port {port} of the host is already taken by another container: pick another one with -p {next}:{target} or stop the one that holds it.',
	},
	'name-conflict': {
		it: 'Esiste già un container chiamato {name} (anche fermo conta): rimuovilo con docker rm {name} o scegli un altro nome con --name.',
		en: 'A container called {name} already exists (a stopped one counts too): remove it with docker rm {name} or choose another name with --name.',
	},
	'remove-running': {
		it: 'Il container {name} è in esecuzione: fermalo prima con docker stop {name}, oppure forza la rimozione con docker rm -f {name}.',
		en: 'Container {name} is running: stop it first with docker stop {name}, or force the removal with docker rm -f {name}.',
	},
	'no-such-container': {
		it: "Non esiste un container con il nome o l'id {name}: controlla con docker ps -a come si chiamano i container.",
		en: 'No container has the name or id {name}: check the names with docker ps -a.',
	},
	'no-such-image': {
		it: "L'immagine {image} non è sull'host: controlla nome e tag con docker images.",
		en: 'Image {image} is not on the host: check its name and tag with docker images.',
	},
	'image-in-use': {
		it: "Il container {container} usa ancora l'immagine {image}: rimuovi prima il container (docker rm), poi l'immagine.",
		en: 'Container {container} still uses image {image}: remove the container first (docker rm), then the image.',
	},
	'pull-denied': {
		it: "Il registro non ha un'immagine {repository}: controlla come si scrive il nome, oppure costruiscila prima con docker build -t {repository} .",
		en: 'The registry has no image {repository}: check how the name is spelt, or build it first with docker build -t {repository} .',
	},
	'manifest-unknown': {
		it: "L'immagine esiste ma il tag {tag} no: guarda su Docker Hub quali tag ha, oppure togli il tag per avere latest.",
		en: 'The image exists but tag {tag} does not: look up its tags on Docker Hub, or drop the tag to get latest.',
	},
	'pool-overlap': {
		it: "La subnet {subnet} si sovrappone a quella di un'altra rete Docker: scegli un intervallo libero (controlla con docker network inspect).",
		en: 'Subnet {subnet} overlaps with another Docker network: pick a free range (check with docker network inspect).',
	},
	'invalid-cidr': {
		it: 'La subnet va scritta in notazione CIDR con quattro numeri e il prefisso, per esempio 10.0.0.0/24.',
		en: 'A subnet is written in CIDR notation, four numbers and a prefix, for example 10.0.0.0/24.',
	},
	'network-active-endpoints': {
		it: 'Alla rete {name} sono ancora collegati dei container: scollegali con docker network disconnect {name} CONTAINER o rimuovili, poi riprova.',
		en: 'Containers are still connected to network {name}: disconnect them with docker network disconnect {name} CONTAINER or remove them, then try again.',
	},
	'network-exists': {
		it: "Una rete chiamata {name} esiste già: usala così com'è o scegli un altro nome.",
		en: 'A network called {name} already exists: use it as it is or choose another name.',
	},
	'network-not-found': {
		it: 'Non esiste una rete {name}: creala con docker network create {name} o controlla il nome con docker network ls.',
		en: 'There is no network {name}: create it with docker network create {name} or check the name with docker network ls.',
	},
	'network-builtin': {
		it: 'Le reti bridge, host e none sono di Docker stesso e non si possono rimuovere.',
		en: 'The bridge, host and none networks belong to Docker itself and cannot be removed.',
	},
	'ip-outside-subnet': {
		it: "L'indirizzo {ip} non è dentro la subnet della rete: scegline uno nell'intervallo che mostra docker network inspect.",
		en: "Address {ip} is not inside the network's subnet: choose one in the range docker network inspect shows.",
	},
	'ip-default-bridge': {
		it: 'Un indirizzo fisso (--ip) si può dare solo su una rete creata da te con una --subnet, non sul bridge predefinito.',
		en: 'A fixed address (--ip) can only be given on a network you created with a --subnet, not on the default bridge.',
	},
	'already-connected': {
		it: 'Il container {container} è già collegato alla rete {network}.',
		en: 'Container {container} is already connected to network {network}.',
	},
	'volume-in-use': {
		it: 'Il volume {name} è montato da un container (anche fermo): rimuovi prima il container, poi il volume.',
		en: 'Volume {name} is mounted by a container (a stopped one counts too): remove the container first, then the volume.',
	},
	'no-such-volume': {
		it: 'Non esiste un volume {name}: controlla con docker volume ls.',
		en: 'There is no volume {name}: check with docker volume ls.',
	},
	'not-running': {
		it: 'Il container {name} è fermo: exec e pause funzionano solo su un container in esecuzione; avvialo con docker start {name}.',
		en: 'Container {name} is stopped: exec and pause only work on a running container; start it with docker start {name}.',
	},
	'exec-not-found': {
		it: "Il programma {program} non c'è in questa immagine: le immagini piccole (alpine, busybox) hanno sh e non bash, e spesso mancano ping o curl.",
		en: 'Program {program} is not in this image: small images (alpine, busybox) have sh and not bash, and often lack ping or curl.',
	},
	'no-public-port': {
		it: "La porta {port} del container non è pubblicata sull'host: pubblicala con -p quando crei il container.",
		en: "The container's port {port} is not published on the host: publish it with -p when you create the container.",
	},
	'unknown-flag': {
		it: "Docker non conosce l'opzione {flag} per questo comando: controlla come si scrive con docker {command} --help.",
		en: 'Docker does not know option {flag} for this command: check its spelling with docker {command} --help.',
	},
	'requires-argument': {
		it: "Al comando docker {command} manca un argomento: di solito il nome di un container, di un'immagine o di una rete.",
		en: 'Command docker {command} is missing an argument: usually the name of a container, an image or a network.',
	},
	'not-simulated': {
		it: 'docker {name} è un comando vero di Docker, ma questo simulatore non lo riproduce: provalo su un Docker installato. Qui funzionano i comandi elencati da docker --help.',
		en: 'docker {name} is a real Docker command, but this simulator does not reproduce it: try it on an installed Docker. Here the commands docker --help lists work.',
	},
	'unknown-command': {
		it: 'docker {name} non è un comando di Docker: docker --help li elenca.',
		en: 'docker {name} is not a Docker command: docker --help lists them.',
	},
	'command-not-found': {
		it: 'La shell non conosce il comando {name}: qui si usano docker e curl.',
		en: 'The shell does not know the command {name}: here you use docker and curl.',
	},
	'curl-refused': {
		it: 'Nessun container risponde su {host}:{port}: la porta non è pubblicata (-p), il container è fermo o la rete è --internal.',
		en: 'No container answers on {host}:{port}: the port is not published (-p), the container is stopped or the network is --internal.',
	},
	'curl-paused': {
		it: 'Il container {name} è in pausa: la connessione viene accettata, ma nessun processo risponde, quindi curl aspetta finché non scade -m o non lo interrompi con Ctrl+C. Riprendilo con docker unpause {name}.',
		en: 'Container {name} is paused: the connection is accepted, but no process answers, so curl waits until -m runs out or you stop it with Ctrl+C. Resume it with docker unpause {name}.',
	},
	'curl-resolve': {
		it: "Il nome {host} non si risolve qui: i nomi dei container funzionano solo tra container sulla stessa rete creata da te, non sul bridge predefinito né dall'host.",
		en: 'Name {host} does not resolve here: container names only work between containers on the same network you created, not on the default bridge nor from the host.',
	},
	'name-not-resolved': {
		it: "Il nome {host} non si risolve: sul bridge predefinito non c'è DNS tra container; mettili su una rete creata con docker network create.",
		en: 'Name {host} does not resolve: the default bridge has no DNS between containers; put them on a network made with docker network create.',
	},
	'database-password': {
		it: "L'immagine del database non parte senza una password di root: aggiungi per esempio -e {variable}=segreta e ricrea il container.",
		en: 'The database image does not start without a root password: add for example -e {variable}=secret and create the container again.',
	},
	'mariadb-access-denied': {
		it: 'La password non è quella con cui il database è stato inizializzato (la prima volta, nel volume).',
		en: 'The password is not the one the database was initialised with (the first time, in the volume).',
	},
	'build-not-found': {
		it: 'Il file {path} non è nel contesto di build: i percorsi di COPY e ADD partono dalla cartella data a docker build (di solito .).',
		en: 'File {path} is not in the build context: COPY and ADD paths start from the folder given to docker build (usually .).',
	},
	'build-no-dockerfile': {
		it: "Nella cartella di build non c'è un file {file}: crealo, o indica quale usare con -f.",
		en: 'The build folder has no file {file}: create it, or say which one to use with -f.',
	},
	'build-parse-error': {
		it: 'Il Dockerfile ha un errore alla riga {line}: correggilo (il costruttore di Dockerfile del corso lo segnala).',
		en: "The Dockerfile has an error on line {line}: fix it (the course's Dockerfile builder points it out).",
	},
	'compose-no-file': {
		it: "Nella cartella non c'è compose.yaml (né docker-compose.yml): crealo o indicalo con -f.",
		en: 'The folder has no compose.yaml (nor docker-compose.yml): create it or name it with -f.',
	},
	'compose-invalid': {
		it: 'Il file Compose ha un errore: {detail_it}',
		en: 'The Compose file has an error: {detail_en}',
	},
	'compose-no-service': {
		it: 'Il file Compose non ha un servizio {name}: usa i nomi sotto services:.',
		en: 'The Compose file has no service {name}: use the names under services:.',
	},
	'compose-not-running': {
		it: 'Il servizio {name} non è acceso: avvialo con docker compose up -d.',
		en: 'Service {name} is not running: start it with docker compose up -d.',
	},
	'invalid-container-port': {
		it: 'Con -p si scrive PORTA_HOST:PORTA_CONTAINER, due numeri tra 1 e 65535: per esempio -p 8080:80.',
		en: 'With -p you write HOST_PORT:CONTAINER_PORT, two numbers from 1 to 65535: for example -p 8080:80.',
	},
	'not-paused': {
		it: 'Il container non è in pausa: unpause serve solo dopo docker pause.',
		en: 'The container is not paused: unpause only makes sense after docker pause.',
	},
	'kill-not-running': {
		it: "Il container {name} è già fermo: non c'è nessun processo a cui mandare il segnale.",
		en: 'Container {name} is already stopped: there is no process to send the signal to.',
	},
	'already-paused': {
		it: 'Il container {name} è già in pausa: per riprenderlo usa docker unpause {name}.',
		en: 'Container {name} is already paused: resume it with docker unpause {name}.',
	},
	paused: {
		it: 'Il container {name} è in pausa (docker pause): i suoi processi sono congelati finché non lo riprendi con docker unpause {name}.',
		en: 'Container {name} is paused (docker pause): its processes stay frozen until you resume it with docker unpause {name}.',
	},
	'remove-paused': {
		it: 'Il container {name} è in pausa: fermalo con docker stop {name} (si ferma anche in pausa) e poi rimuovilo, oppure forza la rimozione con docker rm -f {name}.',
		en: 'Container {name} is paused: stop it with docker stop {name} (a paused container stops too) and then remove it, or force the removal with docker rm -f {name}.',
	},
	'not-connected': {
		it: 'Il container non è collegato a quella rete: docker inspect mostra a quali reti è collegato.',
		en: 'The container is not connected to that network: docker inspect shows which networks it is on.',
	},
	'dependency-exited': {
		it: 'Un servizio da cui questo dipende si è fermato subito: guarda perché con docker compose logs.',
		en: 'A service this one depends on stopped at once: see why with docker compose logs.',
	},
	'dependency-no-healthcheck': {
		it: 'condition: service_healthy aspetta un healthcheck, ma il servizio {name} non ne ha: aggiungi healthcheck: al servizio o usa service_started.',
		en: 'condition: service_healthy waits for a healthcheck, but service {name} has none: add healthcheck: to the service or use service_started.',
	},
	'dependency-not-completed': {
		it: 'condition: service_completed_successfully aspetta che {service} finisca con codice 0, e invece è ancora acceso o è uscito con un errore.',
		en: 'condition: service_completed_successfully waits for {service} to finish with code 0, but it is still running or exited with an error.',
	},
};

/** The explanation's line in the language asked; the key itself when it is unknown. */
export function explain(explanation: Explanation, lang: 'it' | 'en'): string {
	const texts = explanations[explanation.key];
	if (!texts) return explanation.key;
	const params = explanation.params ?? {};
	return texts[lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
		name in params ? String(params[name]) : whole
	);
}
