/**
 * Opening the two sidebars (menu «Thi đua»: «Nhập đề nghị», «Tiến độ»). Each page is one built
 * file (`dist/NhapDeNghi.html`, `dist/TienDo.html`) that talks back through the endpoints.
 */

/** Apps Script sidebars are 300 px wide. */
const WIDTH = 300;

function showSidebar(file: string, title: string): void {
  const page = HtmlService.createHtmlOutputFromFile(file).setTitle(title).setWidth(WIDTH);
  SpreadsheetApp.getUi().showSidebar(page);
}

/** Nhập đề nghị: enter or edit one nomination of the user's unit, with the verdict as it would be. */
export function showNominationSidebar(): void {
  showSidebar('NhapDeNghi', 'Nhập đề nghị khen thưởng');
}

/** Tiến độ: every unit's scoring, ranking, nominations against quota and dossier, for Phòng Nội vụ. */
export function showProgressSidebar(): void {
  showSidebar('TienDo', 'Tiến độ phong trào');
}
