#!/usr/bin/env node
import { runCli } from './cli.js';

const io = {
  out: (line: string) => process.stdout.write(`${line}\n`),
  err: (line: string) => process.stderr.write(`${line}\n`),
};
process.exitCode = await runCli(process.argv.slice(2), io);
