/** Text into HTML: everything the user or the workbook wrote is shown as text, never as markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

const STYLE = `<style>
body { font-family: Arial, sans-serif; font-size: 14px; line-height: 1.45; color: #202124; margin: 0 4px; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #dadce0; padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #f1f3f4; }
h3 { margin: 12px 0 4px; }
</style>`;

/** A dialog page around a body that is already escaped. */
export function dialogPage(body: string): string {
  return `<!DOCTYPE html><html><head><base target="_blank"><meta charset="utf-8">${STYLE}</head><body>${body}</body></html>`;
}

export function showDialog(title: string, body: string, width = 640, height = 480): void {
  const output = HtmlService.createHtmlOutput(dialogPage(body)).setWidth(width).setHeight(height);
  SpreadsheetApp.getUi().showModalDialog(output, title);
}
