#!/usr/bin/env node
/**
 * The resume-fit command line. Node-only: it lives behind its own entry (dist/cli.js) and never leaks into
 * the core. Exit codes: 0 all inputs scored, 1 some inputs failed, 2 usage error.
 */
import { Command } from 'commander';
import { createAnalyzer } from '../index.js';
import { version } from '../../package.json';

export function buildProgram(): Command {
  const program = new Command('resume-fit')
    .description('Score resumes for health technician and allied-health roles, with the evidence for every score.')
    .version(version, '-V, --version')
    .showHelpAfterError()
    .exitOverride();

  program
    .command('roles')
    .description('list the roles with their ids and titles')
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }) => {
      const roles = createAnalyzer().listRoles();
      if (opts.json) process.stdout.write(`${JSON.stringify(roles.map(({ id, title }) => ({ id, title })), null, 2)}\n`);
      else for (const r of roles) process.stdout.write(`${r.id.padEnd(32)} ${r.title}\n`);
    });
  return program;
}

async function main(argv: readonly string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv as string[]);
    return 0;
  } catch (e) {
    const err = e as { code?: string; exitCode?: number };
    // commander's help and version "errors" exit 0; its usage errors exit 2.
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
    if (typeof err.code === 'string' && err.code.startsWith('commander.')) return 2;
    throw e;
  }
}

main(process.argv).then((code) => { process.exitCode = code; });
