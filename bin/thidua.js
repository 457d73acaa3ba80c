#!/usr/bin/env node
// Runs the TypeScript command through tsx, so `npm install` is all a user needs.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/bin.ts');
