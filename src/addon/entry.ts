/**
 * The Apps Script entry points, and nothing else: the build makes each export a top-level
 * function (menu items and triggers call them by name; Sheets lists the custom functions).
 */
export { onOpen, onInstall } from './menu';
export { rankUnits, checkNominations, buildAwardList } from './actions';
export { initWorkbook } from './setup';
export { protectUnitRows } from './protections';
export { showHelp } from './help';
export { showNominationSidebar, showProgressSidebar } from './sidebars';
export { THIDUA_XEPHANG, THIDUA_DUDIEUKIEN, THIDUA_LYDO, THIDUA_CHITIEU, THIDUA_BANG_XEP_HANG, THIDUA_DANH_SACH_KHEN } from './customFunctions';
export { createDossiers, exportDossierPdfs } from './dossierRun';
export { createDossierTemplates } from './dossierFiles';
export { jobOpen, jobStart, jobStep, jobCancel, continueJobs } from './jobs';
export { installAuditLog, recordEdit } from './auditLog';
export { showReminderSidebar } from './reminders';
export { buildSummaryReport } from './summaryReport';
export { printCertificates, printCertificateTest } from './certificates';
export { checkDossierIntake } from './intake';
export { createCouncilPackage } from './councilPackage';
