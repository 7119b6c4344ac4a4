/**
 * Compose files to start from: the lecture's own file first (with its subnet mistake kept on
 * purpose: its findings are the first lesson), then a small gallery of common set-ups.
 */
import type { Localized } from '../i18n/locale.ts';

/** A Compose file to load into the generator. */
export interface ComposeExample {
	/** Stable id, for links and tests. */
	id: string;
	title: Localized<string>;
	/** The YAML text, as a student would write it. */
	source: string;
}

/** The lecture's file: a built app on two networks and MariaDB with a named volume. */
export const lectureExample: ComposeExample = {
	id: 'lecture',
	title: { it: "L'esempio della lezione", en: "The lecture's example" },
	source: `services:
  app:
    build: ./app
    image: custom_image
    ports:
      - "8080:80"
    volumes:
      - ./config/config.json:/etc/config.json
    networks:
      ext:
        ipv4_address: 192.168.100.100
      int:
  db:
    image: mariadb
    volumes:
      - db-content:/var/lib/mysql
    networks:
      - int

volumes:
  db-content:

networks:
  ext:
    driver: bridge
    ipam:
      driver: default
      config:
        - subnet: 192.168.100/24
  int:
    driver: bridge
`,
};

/** Common set-ups, each valid as written. */
export const galleryExamples: readonly ComposeExample[] = [
	{
		id: 'web-database',
		title: { it: 'Sito web e database', en: 'Web site and database' },
		source: `services:
  web:
    image: nginx:1.27
    ports:
      - "8080:80"
    volumes:
      - ./site:/usr/share/nginx/html:ro
    depends_on:
      - db
  db:
    image: postgres:17
    environment:
      POSTGRES_PASSWORD: example
    volumes:
      - db-data:/var/lib/postgresql/data

volumes:
  db-data:
`,
	},
	{
		id: 'wordpress-mysql',
		title: { it: 'WordPress e MySQL', en: 'WordPress and MySQL' },
		source: `services:
  wordpress:
    image: wordpress:6
    ports:
      - "8000:80"
    environment:
      WORDPRESS_DB_HOST: db
      WORDPRESS_DB_USER: wordpress
      WORDPRESS_DB_PASSWORD: wordpress
      WORDPRESS_DB_NAME: wordpress
    volumes:
      - wp-content:/var/www/html/wp-content
    depends_on:
      db:
        condition: service_healthy
    restart: unless-stopped
  db:
    image: mysql:8.4
    environment:
      MYSQL_ROOT_PASSWORD: example
      MYSQL_DATABASE: wordpress
      MYSQL_USER: wordpress
      MYSQL_PASSWORD: wordpress
    volumes:
      - db-data:/var/lib/mysql
    healthcheck:
      test: ["CMD", "mysqladmin", "ping", "-h", "localhost"]
      interval: 10s
      retries: 5
    restart: unless-stopped

volumes:
  wp-content:
  db-data:
`,
	},
	{
		id: 'three-tiers',
		title: { it: 'Tre livelli su due reti', en: 'Three tiers on two networks' },
		source: `services:
  proxy:
    image: nginx:1.27
    ports:
      - "80:80"
      - "443:443"
    networks:
      - frontend
    depends_on:
      - api
  api:
    build:
      context: ./api
      dockerfile: Dockerfile
    expose:
      - "3000"
    networks:
      frontend:
      backend:
        ipv4_address: 172.28.0.10
    depends_on:
      db:
        condition: service_healthy
  db:
    image: postgres:17
    environment:
      POSTGRES_PASSWORD: example
    volumes:
      - db-data:/var/lib/postgresql/data
    networks:
      - backend
    healthcheck:
      test: ["CMD-SHELL", "pg_isready -U postgres"]
      interval: 10s

networks:
  frontend:
  backend:
    internal: true
    ipam:
      config:
        - subnet: 172.28.0.0/16
          gateway: 172.28.0.1

volumes:
  db-data:
`,
	},
	{
		id: 'host-network',
		title: { it: "Rete dell'host", en: 'Host networking' },
		source: `services:
  monitor:
    image: prom/node-exporter:v1.8.2
    network_mode: host
    pid: host
    command:
      - "--path.rootfs=/host"
    volumes:
      - /:/host:ro
  dashboard:
    image: grafana/grafana:11.3.0
    ports:
      - "3000:3000"
    volumes:
      - grafana-data:/var/lib/grafana

volumes:
  grafana-data:
`,
	},
];

/** Every example, the lecture's first. */
export const examples: readonly ComposeExample[] = [lectureExample, ...galleryExamples];
