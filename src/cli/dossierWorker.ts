/** The thread of `DossierHelper`: builds units taken from the shared queue, as the main thread does. */
import { parentPort } from 'node:worker_threads';
import { unitDossier } from '../core/documents';
import { unitFiles } from './docx';
import type { DossierAnswer, DossierShare } from './dossierHelper';
import { movable } from './writerThread';

const port = parentPort;
port?.on('message', ({ work, templates, queue }: DossierShare) => {
  const answer = (a: DossierAnswer, moved: ArrayBuffer[] = []) => port.postMessage(a, moved);
  try {
    for (let unit = Atomics.add(queue, 0, 1); unit < work.plans.length; unit = Atomics.add(queue, 0, 1)) {
      const files = unitFiles(unitDossier(work, unit), templates);
      answer({ unit, files }, movable(files.files.map((f) => f.bytes)));
    }
    answer({ done: true });
  } catch (error) {
    answer({ error: error instanceof Error ? error.message : String(error) });
  }
});
