/** The «Thi đua» menu. Adding an item is one line: its caption and the entry point it calls. */

export interface MenuItem {
  caption: string;
  /** An export of `entry.ts` (the build makes it a top-level function Apps Script can call). */
  functionName: string;
}

export const MENU_TITLE = 'Thi đua';

export const MENU: Array<MenuItem | 'separator'> = [
  { caption: 'Khởi tạo bảng tính', functionName: 'initWorkbook' },
  { caption: 'Nhập đề nghị', functionName: 'showNominationSidebar' },
  { caption: 'Tiến độ', functionName: 'showProgressSidebar' },
  'separator',
  { caption: 'Xếp hạng', functionName: 'rankUnits' },
  { caption: 'Kiểm tra điều kiện', functionName: 'checkNominations' },
  { caption: 'Lập danh sách khen thưởng', functionName: 'buildAwardList' },
  { caption: 'Tạo hồ sơ', functionName: 'createDossiers' },
  { caption: 'Tạo mẫu hồ sơ', functionName: 'createDossierTemplates' },
  { caption: 'Xuất PDF hồ sơ', functionName: 'exportDossierPdfs' },
  { caption: 'Báo cáo tổng kết', functionName: 'buildSummaryReport' },
  { caption: 'In giấy khen', functionName: 'printCertificates' },
  { caption: 'In thử căn lề', functionName: 'printCertificateTest' },
  { caption: 'Kiểm tra tiếp nhận hồ sơ', functionName: 'checkDossierIntake' },
  { caption: 'Tạo hồ sơ trình khen', functionName: 'createCouncilPackage' },
  'separator',
  { caption: 'Phân quyền đơn vị', functionName: 'protectUnitRows' },
  { caption: 'Bật nhật ký thay đổi', functionName: 'installAuditLog' },
  { caption: 'Nhắc việc (đôn đốc đơn vị)', functionName: 'showReminderSidebar' },
  { caption: 'Hướng dẫn', functionName: 'showHelp' },
];

/**
 * Builds the menu and nothing else: under AuthMode.NONE (an add-on not yet used in this file)
 * the script may not read the spreadsheet, and a menu is all `onOpen` needs in any mode.
 */
export function buildMenu(ui: GoogleAppsScript.Base.Ui): void {
  const menu = ui.createMenu(MENU_TITLE);
  for (const item of MENU) {
    if (item === 'separator') menu.addSeparator();
    else menu.addItem(item.caption, item.functionName);
  }
  menu.addToUi();
}

/** Runs when the file opens (simple trigger), in any AuthMode: builds the menu only. */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildMenu(SpreadsheetApp.getUi());
}

/** Runs when the add-on is installed: the menu must appear without reopening the file. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}
