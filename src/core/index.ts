/** The core's public face: what both hosts call. Pure: no services, no file system, no clock. */
export * from './model';
export * from './results';
export * from './contract';
export { evaluate, unitContext } from './evaluate';
export { outputSheets, rankingSheet, verdictSheet, awardListSheet } from './outputs';
export { UnreadableWorkbook, findSheet, locateColumn, readTable } from './sheets';
export type { Table, TableRow } from './sheets';
export { readWorkbook, blockKindOf, blockNameOf } from './workbook';
export { competitionRanks, isPrizeRank, rankUnits, roundTotal } from './ranking';
export type { Standing, Ranking } from './ranking';
export { judge } from './rules';
export type { Eligibility, UnitContext } from './rules';
export { unitQuotas, checkWindow } from './quota';
export { orderAwardList } from './awardList';
export * from './cells';
export * from './text';
export { nominationDraftSchema, draftToCells, nominationToDraft, placeDraft, previewDraft } from './draft';
export type { NominationDraft, DraftPreview } from './draft';
