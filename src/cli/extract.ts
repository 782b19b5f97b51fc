import type { Command } from 'commander';

export function register(program: Command): void {
  program.command('extract').description('(work in progress)').action(() => {
    process.exitCode = 1;
  });
}
