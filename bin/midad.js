#!/usr/bin/env node
// The `midad` command: loads TypeScript through tsx, then runs the CLI.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/midad.ts');
