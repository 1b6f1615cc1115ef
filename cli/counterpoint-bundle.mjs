#!/usr/bin/env node
// The `counterpoint-bundle` bin. The command line runs the extension's own TypeScript core, so it loads it
// through tsx (a devDependency) instead of keeping a compiled copy that could drift from the extension's code.
import process from 'node:process';
import { tsImport } from 'tsx/esm/api';

const { main } = await tsImport('./bundle-cli.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));
