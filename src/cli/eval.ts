import type { Command } from 'commander';

// Placeholder: the 'eval' command is registered here.
export function register(program: Command): void {
  program.command('eval').description('(not yet available)').action(() => {
    process.stderr.write('precis: eval is not available yet\n');
    process.exitCode = 1;
  });
}
