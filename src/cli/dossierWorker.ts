/** The thread of `DossierHelper`: builds units taken from the shared queue, as the main thread does. */
import { parentPort } from 'node:worker_threads';
import { indexUnits, planDossiers, unitDossier } from '../core/documents';
import { unitFiles } from './docx';
import type { DossierAnswer, DossierShare } from './dossierHelper';
import { movable } from './writerThread';

const port = parentPort;
port?.on('message', ({ evaluation, templates, queue }: DossierShare) => {
  const answer = (a: DossierAnswer, moved: ArrayBuffer[] = []) => port.postMessage(a, moved);
  try {
    const index = indexUnits(evaluation);
    const plans = planDossiers(evaluation, index);
    for (let unit = Atomics.add(queue, 0, 1); unit < plans.length; unit = Atomics.add(queue, 0, 1)) {
      const files = unitFiles(unitDossier(evaluation, index, plans[unit]!), templates);
      answer({ unit, files }, movable(files.files.map((f) => f.bytes)));
    }
    answer({ done: true });
  } catch (error) {
    answer({ error: error instanceof Error ? error.message : String(error) });
  }
});
