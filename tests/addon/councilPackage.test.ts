import { createCouncilPackage } from '../../src/addon/councilPackage';
import { MENU } from '../../src/addon/menu';
import { allParagraphs, fakeGoogle, loadWorkbook } from '../fakes';
import type { FakeGoogle } from '../fakes';
import { FULL, closingWorkbook } from '../helpers/closing';

let google: FakeGoogle;
beforeEach(() => {
  google = fakeGoogle();
  google.install();
  loadWorkbook(google, closingWorkbook(FULL));
});

const textOf = (title: string) => {
  const doc = google.drive.documents().find((d) => d.name === title)!;
  return allParagraphs(doc).map((p) => p.getText()).join('\n');
};

describe('Tạo hồ sơ trình khen', () => {
  it('is on the menu', () => {
    expect(MENU).toContainEqual({ caption: 'Tạo hồ sơ trình khen', functionName: 'createCouncilPackage' });
  });

  it('imports the three documents as Google Docs into one folder, from the accepted dossiers only', () => {
    google.log.reset();
    createCouncilPackage();
    expect(google.drive.documents().map((d) => d.name).sort()).toEqual([
      'Biên bản họp Hội đồng Thi đua - Khen thưởng', 'Quyết định khen thưởng', 'Tờ trình đề nghị khen thưởng',
    ]);
    expect(google.log.count('Drive.Files.create')).toBe(1 + 3);
    expect(google.log.count('Utilities.zip')).toBe(3);
    const decision = textOf('Quyết định khen thưởng');
    expect(decision).toContain('Số: 125/QĐ-UBND');
    expect(decision).toContain('Đặng Văn Toàn');
    expect(decision).not.toContain('Văn phòng UBND xã Đồng Tân'); // returned at intake
    const dialog = google.ui.dialogs.at(-1)!;
    expect(dialog.title).toBe('Hồ sơ trình khen');
    expect(dialog.html).toContain('2/4 đơn vị «Đủ»; 1 tập thể, 2 cá nhân');
    expect(dialog.html).toContain('số phiếu đồng ý của từng tập thể, cá nhân');
    expect(google.lock.held).toBe(false);
  });

  it('updates the same documents on a second run, so their links stay', () => {
    createCouncilPackage();
    const ids = google.drive.documents().map((d) => d.id).sort();
    google.log.reset();
    createCouncilPackage();
    expect(google.drive.documents().map((d) => d.id).sort()).toEqual(ids);
    expect(google.log.count('Drive.Files.create')).toBe(0);
    expect(google.log.count('Drive.Files.update')).toBe(3);
    expect(google.ui.dialogs.at(-1)!.html).toContain('(cập nhật)');
  });
});
