#!/usr/bin/env node
// @ts-check
/**
 * The course's command-line tools behind one entry point:
 *
 *   node bin/corso.mjs compose check|diagram FILE …
 *   node bin/corso.mjs dockerfile lint|fmt FILE …
 *   node bin/corso.mjs quiz check|export|import|schema …
 *
 * It loads only the tool asked for, and the tool only its command's code, so that a check in a
 * course repository's CI starts quickly. This file is JavaScript on purpose: it runs before any
 * TypeScript is loaded, to keep what Node strips from the project's TypeScript in a cache (see
 * `typescript-cache.mjs`), so that only a machine's first run pays for stripping. The `npm run` scripts
 * `compose`, `dockerfile` and `quiz` are aliases of this.
 *
 * Exit status: the tool's (0 fine, 1 problems found, 2 wrong usage or unreadable input); 2 for
 * an unknown tool.
 */
import { enableTypeScriptCache } from './typescript-cache.mjs';

/** Each tool's module; each exports `main(argv): Promise<number>`. */
const tools = {
	compose: '../scripts/compose.ts',
	docker: '../scripts/docker.ts',
	dockerfile: '../scripts/dockerfile.ts',
	quiz: '../scripts/quiz.ts',
};

const usage = `Uso: node bin/corso.mjs STRUMENTO COMANDO [ARGOMENTI]
  compose check|diagram FILE   controlla un file Compose o ne disegna lo schema
  docker play SCRIPT           esegue dei comandi su un host Docker simulato
  dockerfile lint|fmt FILE     controlla un Dockerfile o lo riscrive in forma canonica
  quiz check|export|import|schema   le banche di domande del corso
Con --help dopo lo strumento, i dettagli (in inglese con --lang en).

Usage: node bin/corso.mjs TOOL COMMAND [ARGUMENTS]
  compose check|diagram FILE   check a Compose file or draw its diagram
  docker play SCRIPT           run commands on a simulated Docker host
  dockerfile lint|fmt FILE     check a Dockerfile or rewrite it in canonical form
  quiz check|export|import|schema   the course's question banks
With --help after the tool, the details (in English with --lang en).`;

const [tool, ...argv] = process.argv.slice(2);
if (tool === undefined || tool === '--help' || tool === '-h') {
	(tool ? console.log : console.error)(usage);
	process.exitCode = tool ? 0 : 2;
} else if (!Object.hasOwn(tools, tool)) {
	console.error(
		`corso: strumento sconosciuto: ${tool} / unknown tool: ${tool} (compose, dockerfile, quiz)\n\n${usage}`
	);
	process.exitCode = 2;
} else {
	enableTypeScriptCache();
	/** @type {{ main: (argv: string[]) => Promise<number> }} */
	const module = await import(tools[/** @type {keyof typeof tools} */ (tool)]);
	process.exitCode = await module.main(argv);
}
