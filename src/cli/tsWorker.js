// A worker thread that runs a TypeScript module (`workerData.module`), loaded by tsx as `bin/thidua.js` loads the command.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
