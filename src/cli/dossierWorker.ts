/** The thread of `DossierHelper`: judges the workbook, then builds units taken from the shared queue, as the main thread does. */
import { parentPort } from 'node:worker_threads';
import { evaluate } from '../core';
import type { Evaluation } from '../core';
import { indexUnits, planDossiers, unitDossier } from '../core/documents';
import { unitFiles } from './docx';
import { plannedNames } from './dossierHelper';
import type { DossierAnswer, DossierRequest } from './dossierHelper';
import { movable } from './writerThread';

const port = parentPort;
let judged: { evaluation: Evaluation } | { error: string } = { error: 'the workbook was not given' };
port?.on('message', (request: DossierRequest) => {
  const answer = (a: DossierAnswer, moved: ArrayBuffer[] = []) => port.postMessage(a, moved);
  try {
    if ('input' in request) {
      judged = { evaluation: evaluate(request.input) };
      return;
    }
    if ('error' in judged) throw new Error(judged.error);
    const { evaluation } = judged;
    const { planned, templates, queue } = request;
    const index = indexUnits(evaluation);
    const plans = planDossiers(evaluation, index);
    if (plannedNames(plans) !== planned) throw new Error('the helper judged the workbook differently');
    for (let unit = Atomics.add(queue, 0, 1); unit < plans.length; unit = Atomics.add(queue, 0, 1)) {
      const files = unitFiles(unitDossier(evaluation, index, plans[unit]!), templates);
      answer({ unit, files }, movable(files.files.map((f) => f.bytes)));
    }
    answer({ done: true });
  } catch (error) {
    const said = error instanceof Error ? error.message : String(error);
    if ('input' in request) judged = { error: said };
    else answer({ error: said });
  }
});
