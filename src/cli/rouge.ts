import type { Command } from 'commander';

// Placeholder: the 'rouge' command is registered here.
export function register(program: Command): void {
  program.command('rouge').description('(not yet available)').action(() => {
    process.stderr.write('precis: rouge is not available yet\n');
    process.exitCode = 1;
  });
}
