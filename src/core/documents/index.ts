/** The dossier documents (rule D): one document model, one layout, three default templates. */
export * from './model';
export { GAP, dayMonthYear, placeAndDate, shortDate } from './layout';
export { buildDossiers, dossiersByUnit, selectForDossiers } from './dossiers';
export { safeFileName, UniqueNames } from './fileNames';
export type { DossierDocument, DossierKind, DossierSelection, UnitDossierDocs } from './dossiers';
export { DOCX_MIME, escapeXml, layoutDocx } from './ooxml';
export type { DocxPart } from './ooxml';
export { PLACEHOLDERS } from './placeholders';
export type { Placeholder, PlaceholderData } from './placeholders';
export type { Field } from './facts';
export { buildCouncilPackage, readClosingSettings, readCouncil } from './councilPackage';
export type { CouncilPackage, CouncilMember, PackageDocument, PackageKind } from './councilPackage';
