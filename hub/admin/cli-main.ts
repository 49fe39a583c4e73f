#!/usr/bin/env node
import { runAdminCli } from './cli.js';

const io = {
  out: (line: string) => process.stdout.write(`${line}\n`),
  err: (line: string) => process.stderr.write(`${line}\n`),
};
process.exitCode = await runAdminCli(process.argv.slice(2), io);
