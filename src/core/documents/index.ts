/** The dossier documents (rule D): one document model, one layout, three default templates. */
export * from './model';
export { GAP, dayMonthYear, placeAndDate, shortDate } from './layout';
export { buildDossiers, dossiersByUnit, selectForDossiers } from './dossiers';
export { safeFileName, UniqueNames } from './fileNames';
export type { DossierDocument, DossierKind, DossierSelection, UnitDossierDocs } from './dossiers';
export { DOCX_MIME, escapeXml, layoutDocx } from './ooxml';
export type { DocxPart } from './ooxml';
export { LOOPS, PLACEHOLDERS } from './placeholders';
export type { Placeholder, PlaceholderData } from './placeholders';
export type { Field } from './facts';
export { SUMMARY_REPORT_TITLE, chartMarker, distributionChart, rankingChart, summaryCharts, summaryReport, withChartMarkers } from './summaryReport';
export type { SummaryReportDocument } from './summaryReport';
export { ACCENT_COLOR, CHART_COLORS, chartSpaceXml } from './charts';
export type { ChartRefs, ChartSeries, ChartSpec } from './charts';
export { awardingTitle, basisLines, citedTexts } from './basis';
export type { BasisValues } from './basis';
export { buildCouncilPackage, decidedAwards, readClosingSettings, readCouncil } from './councilPackage';
export type { CouncilPackage, CouncilMember, PackageDocument, PackageKind } from './councilPackage';
