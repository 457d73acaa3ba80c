/**
 * The award list (Danh sách khen thưởng): collectives then individuals; by block and the unit's
 * rank (U3); P2 puts individuals of the grassroots (communes) first among equals; then
 * Vietnamese alphabetical order.
 */
import type { BlockKind, Nomination, Unit } from './model';
import type { AwardEntry, NominationVerdict } from './results';
import type { Standing } from './ranking';
import { compareVietnamese, comparePersonNames, normalizeKey } from './text';

const COLLECTIVE_BLOCKS: readonly BlockKind[] = ['agency', 'commune', 'other'];
// P2: individuals who do CCHC work at the grassroots come first.
const INDIVIDUAL_BLOCKS: readonly BlockKind[] = ['commune', 'agency', 'other'];

export function orderAwardList(
  awarded: { nomination: Nomination; verdict: NominationVerdict }[],
  unitByKey: Map<string, Unit>,
  standing: Map<string, Standing>,
): AwardEntry[] {
  const sortKey = ({ nomination }: { nomination: Nomination }) => {
    const unit = unitByKey.get(normalizeKey(nomination.unitCode));
    const individual = nomination.kind === 'individual';
    const blocks = individual ? INDIVIDUAL_BLOCKS : COLLECTIVE_BLOCKS;
    return {
      kind: individual ? 1 : 0,
      block: blocks.indexOf(unit?.blockKind ?? 'other'),
      rank: standing.get(unit?.code ?? '')?.rank ?? Number.POSITIVE_INFINITY,
      individual,
      name: nomination.name,
    };
  };
  const keyed = awarded.map((entry) => ({ entry, key: sortKey(entry) }));
  keyed.sort((a, b) =>
    a.key.kind - b.key.kind ||
    a.key.block - b.key.block ||
    (a.key.rank === b.key.rank ? 0 : a.key.rank < b.key.rank ? -1 : 1) ||
    (a.key.individual ? comparePersonNames(a.key.name, b.key.name) : compareVietnamese(a.key.name, b.key.name)) ||
    a.entry.nomination.row - b.entry.nomination.row,
  );
  const counters = [0, 0];
  return keyed.map(({ entry, key }) => ({
    number: ++counters[key.kind]!,
    nomination: entry.nomination,
    verdict: entry.verdict,
  }));
}
