import type { Command } from 'commander';

// Placeholder: the 'serve' command is registered here.
export function register(program: Command): void {
  program.command('serve').description('(not yet available)').action(() => {
    process.stderr.write('precis: serve is not available yet\n');
    process.exitCode = 1;
  });
}
