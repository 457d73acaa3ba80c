/** The thread of `DossierHelper`: builds units taken from the shared queue, as the main thread does. */
import { parentPort } from 'node:worker_threads';
import { indexUnits, planDossiers, unitDossier } from '../core/documents';
import { unitFiles } from './docx';
import type { UnitFiles } from './docx';
import type { DossierAnswer, DossierShare } from './dossierHelper';

const port = parentPort;
port?.on('message', ({ evaluation, templates, queue }: DossierShare) => {
  const answer = (a: DossierAnswer, moved: ArrayBuffer[] = []) => port.postMessage(a, moved);
  try {
    const index = indexUnits(evaluation);
    const plans = planDossiers(evaluation, index);
    for (let unit = Atomics.add(queue, 0, 1); unit < plans.length; unit = Atomics.add(queue, 0, 1)) {
      const files = unitFiles(unitDossier(evaluation, index, plans[unit]!), templates);
      answer({ unit, files }, movable(files));
    }
    answer({ done: true });
  } catch (error) {
    answer({ error: error instanceof Error ? error.message : String(error) });
  }
});

/** The files' memory, moved to the main thread instead of copied: only what a file owns whole (not Node's shared pool). */
function movable({ files }: UnitFiles): ArrayBuffer[] {
  const moved = new Set<ArrayBuffer>();
  for (const { bytes } of files) {
    if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) moved.add(bytes.buffer as ArrayBuffer);
  }
  return [...moved];
}
