/**
 * What the admin CLIs (`npm run cli`, `npm run server`) share: secrets read from standard input
 * (a hidden prompt on a terminal, one line each from a pipe — never an argument, which other users
 * of the PC could see in the process list) and the error that ends a command with an exit code.
 */
import { createInterface } from 'node:readline';
import { AppError } from './errors';

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** Reads secrets: hidden prompt on a terminal, one line each from a pipe. */
export class SecretReader {
  private lines: string[] | null = null;

  async read(prompt: string): Promise<string> {
    if (process.stdin.isTTY) return promptHidden(prompt);
    if (!this.lines) {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      this.lines = Buffer.concat(chunks).toString('utf8').split(/\r?\n/);
    }
    const line = this.lines.shift();
    if (line === undefined || line === '') throw new CliError('Nie podano hasła na standardowym wejściu.', 2);
    return line;
  }
}

function promptHidden(prompt: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const output = rl as unknown as { _writeToOutput: (text: string) => void };
    output._writeToOutput = (text: string) => {
      if (text.startsWith(prompt)) process.stdout.write(prompt);
    };
    rl.question(prompt, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}

/**
 * Prints why a command failed and returns its exit code: 2 for a wrong use (options, input),
 * 3 for a refusal with a Polish message, 1 for anything unexpected.
 */
export function reportCliError(error: unknown, usage: string): number {
  if (error instanceof CliError) {
    console.error(error.message);
    return error.exitCode;
  }
  if (error instanceof AppError) {
    console.error(error.message);
    return 3;
  }
  if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
    console.error(`${error.message}\n\n${usage}`);
    return 2;
  }
  console.error('Nieoczekiwany błąd:', error);
  return 1;
}
