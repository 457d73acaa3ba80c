/** The workbook contract (v1, workbook.md): sheet names, headers and allowed words. Fixed. */

export const SHEET = {
  settings: 'Cấu hình',
  units: 'Đơn vị',
  criteria: 'Tiêu chí',
  scores: 'Chấm điểm',
  nominations: 'Đề nghị',
  dossiers: 'Hồ sơ đơn vị',
  ranking: 'Xếp hạng',
  verdicts: 'Kết quả xét',
  awardList: 'Danh sách khen thưởng',
  /** Optional (v2): the facts of each nominee's report of achievements (form 07). */
  reports: 'Báo cáo thành tích',
  /** Written by the add-on's «Tạo hồ sơ»: one row per Google Docs document (not in contract v1). */
  documents: 'Hồ sơ',
  /** The audit log (issue 13): every edit of the input sheets, appended, never rewritten. */
  auditLog: 'Nhật ký',
  /** The movement's summary figures and charts (issue 11), written by «Báo cáo tổng kết» / `thidua tong-ket`. */
  summary: 'Tổng kết',
  /** Optional (issue 12): the eligibility rules as rows; without it the built-in 2022 rules apply. */
  standards: 'Tiêu chuẩn',
  /** Optional (issue 12): the user's own «Căn cứ» lines, overriding the chosen legal preset's. */
  legalBasis: 'Căn cứ pháp lý',
  /** The standing body's intake of the units' dossiers (issue 11). */
  intake: 'Tiếp nhận hồ sơ',
  /** Optional (issue 11): the emulation council's members, for its minutes. */
  council: 'Hội đồng thi đua',
} as const;

export const SETTING = {
  movementName: 'Tên phong trào',
  year: 'Năm',
  issuer: 'Cơ quan phát động',
  issuerSuperior: 'Cơ quan cấp trên',
  placeName: 'Địa danh',
  signerTitle: 'Chức vụ người ký',
  signerName: 'Người ký',
  launchDate: 'Ngày phát động',
  endDate: 'Ngày kết thúc',
  windowFrom: 'Nhận hồ sơ từ ngày',
  windowTo: 'Nhận hồ sơ đến ngày',
  minSatisfactionPercent: 'Tỷ lệ hài lòng tối thiểu (%)',
  prizeRanks: 'Số hạng được xét',
  communeBlock: 'Tên khối xã',
  agencyBlock: 'Tên khối cơ quan',
} as const;

/**
 * Settings added by workbook.md v2: optional, and not written by «Khởi tạo bảng tính» (the
 * default serves almost every movement).
 */
export const EXTRA_SETTING = {
  /** A whole number 0–6, default 2: the decimals a total is rounded to before ranking. */
  rankingDecimals: 'Số chữ số thập phân khi xếp hạng',
  /** P4 as settings (issue 12): nominees per unit, per unit in a prize rank, and per kind (defaults 1, 2, 1). */
  quotaPerUnit: 'Chỉ tiêu mỗi đơn vị',
  quotaPerPrizeUnit: 'Chỉ tiêu đơn vị xếp hạng được xét',
  quotaPerKind: 'Chỉ tiêu mỗi hình thức',
  /** `2022` (default: the seed's laws, Decree 91/2017 form 07) or `2025` (Law of 2022, Decree 152/2025). */
  legalBasis: 'Căn cứ pháp lý',
  /** The decision that grants the awards (issue 11): its number and date, on the decision and each certificate. */
  awardDecisionNumber: 'Số quyết định khen thưởng',
  awardDecisionDate: 'Ngày quyết định khen thưởng',
  /** Certificates (issue 11): the first «số sổ vàng», the emblem image, the print mode and its offsets. */
  goldenBookStart: 'Số sổ vàng bắt đầu',
  emblemImage: 'Ảnh Quốc huy',
  certificateMode: 'Giấy khen: kiểu in',
  certificateOffsetX: 'Giấy khen: lệch ngang (mm)',
  certificateOffsetY: 'Giấy khen: lệch dọc (mm)',
  /** Issue 11: money from the emulation fund per award, in đồng (Điều 2 of the decision; none when empty). */
  collectivePrizeAmount: 'Tiền thưởng tập thể',
  individualPrizeAmount: 'Tiền thưởng cá nhân',
  /** Issue 11: the standing body that receives the dossiers and submits them (default Phòng Nội vụ). */
  standingBody: 'Cơ quan thường trực thi đua',
  /** Issue 11: the standing body's submission to the Chairman (Tờ trình) and the council's meeting. */
  closingSubmissionNumber: 'Số tờ trình khen thưởng',
  closingSubmissionDate: 'Ngày tờ trình khen thưởng',
  councilMeetingDate: 'Ngày họp Hội đồng thi đua',
} as const;

export const SETTINGS_HEADER = { key: 'Mục', value: 'Giá trị' } as const;

export const UNIT_COL = {
  code: 'Mã đơn vị',
  name: 'Tên đơn vị',
  block: 'Khối',
  head: 'Thủ trưởng',
  emails: 'Email',
  /** v2, optional: the unit's symbol in «Số: …/TTr-<ký hiệu>» and «Lưu: VT, <ký hiệu>.», no tone marks. */
  symbol: 'Ký hiệu',
  /** v2, optional: the signer's title in capitals (CHỦ TỊCH, TRƯỞNG PHÒNG, GIÁM ĐỐC …). */
  signerTitle: 'Chức danh người ký',
  /** v2, optional: TM., KT., Q. or empty. */
  signingAuthority: 'Quyền hạn ký',
  /** v2, optional: the body above the unit (cơ quan chủ quản), the header's first line. */
  superior: 'Cơ quan chủ quản',
} as const;

/** The v2 columns of `Đơn vị`: optional, so a v1 workbook still reads. */
export const UNIT_V2_KEYS = ['symbol', 'signerTitle', 'signingAuthority', 'superior'] as const;

/** The authority before a signer's title (Decree 30): on behalf of a body, for its head, acting. */
export const SIGNING_AUTHORITIES = ['TM.', 'KT.', 'Q.'] as const;

export const CRITERION_COL = {
  code: 'Mã tiêu chí',
  name: 'Tiêu chí',
  maxPoints: 'Điểm tối đa',
  block: 'Khối',
} as const;

export const SCORE_COL = {
  unitCode: 'Mã đơn vị',
  criterionCode: 'Mã tiêu chí',
  selfPoints: 'Điểm tự đánh giá',
  appraisedPoints: 'Điểm thẩm định',
  evidence: 'Minh chứng',
} as const;

export const NOMINATION_COL = {
  unitCode: 'Mã đơn vị',
  kind: 'Hình thức',
  name: 'Tên tập thể / Họ và tên',
  position: 'Chức vụ, đơn vị công tác',
  directCchc: 'Trực tiếp làm CCHC',
  compliance: 'Chấp hành tốt chủ trương, pháp luật',
  unity: 'Nội bộ đoàn kết',
  discipline: 'Nghiêm kỷ luật, kỷ cương',
  hasPlan: 'Có kế hoạch thực hiện phong trào',
  innovation: 'Sáng tạo, đổi mới 6 nội dung CCHC',
  satisfactionPercent: 'Tỷ lệ hài lòng (%)',
  onTimePercent: 'Hồ sơ TTHC đúng và trước hạn (%)',
  onlinePrevPercent: 'DVC trực tuyến, BCCI năm trước (%)',
  onlineNowPercent: 'DVC trực tuyến, BCCI năm nay (%)',
  ratingPrev: 'Xếp loại năm trước',
  ratingNow: 'Xếp loại năm nay',
  initiativeRecognition: 'Sáng kiến được công nhận',
  summary: 'Tóm tắt thành tích',
  submittedOn: 'Ngày nộp hồ sơ',
  votesInFavour: 'Số phiếu đồng ý',
} as const;

export const DOSSIER_COL = {
  unitCode: 'Mã đơn vị',
  meetingDate: 'Ngày họp',
  meetingPlace: 'Địa điểm họp',
  chair: 'Chủ trì',
  secretary: 'Thư ký',
  members: 'Số thành viên',
  present: 'Số có mặt',
  letterNumber: 'Số tờ trình',
  letterDate: 'Ngày tờ trình',
  /** v2, optional columns: the rest of what minutes record, and the letter's recipients. */
  startTime: 'Giờ bắt đầu',
  endTime: 'Giờ kết thúc',
  council: 'Tên hội đồng',
  votingMethod: 'Hình thức biểu quyết',
  discussion: 'Ý kiến thảo luận',
  recipients: 'Nơi nhận',
} as const;

/** `Nhật ký`'s columns, in order. */
export const AUDIT_COL = {
  at: 'Thời điểm',
  user: 'Tài khoản',
  sheet: 'Trang',
  range: 'Vùng',
  unit: 'Mã đơn vị',
  oldValue: 'Giá trị cũ',
  newValue: 'Giá trị mới',
  action: 'Thao tác',
} as const;

export const DOSSIER_V2_KEYS = ['startTime', 'endTime', 'council', 'votingMethod', 'discussion', 'recipients'] as const;

/** How the council voted (D1). */
export const VOTING_METHODS = ['Giơ tay', 'Bỏ phiếu kín'] as const;

/** `Báo cáo thành tích` (v2, optional sheet): one row per nominee, matched to `Đề nghị` by unit and name. */
export const REPORT_COL = {
  unitCode: 'Mã đơn vị',
  name: 'Tên tập thể / Họ và tên',
  birthDate: 'Ngày sinh',
  sex: 'Giới tính',
  homeTown: 'Quê quán',
  residence: 'Trú quán',
  qualifications: 'Trình độ chuyên môn, nghiệp vụ',
  academicTitles: 'Học hàm, học vị, danh hiệu',
  duties: 'Quyền hạn, nhiệm vụ được giao',
  address: 'Địa chỉ trụ sở',
  phone: 'Điện thoại',
  email: 'Email',
  structure: 'Cơ cấu tổ chức',
  staff: 'Tổng số cán bộ, công chức',
  functions: 'Chức năng, nhiệm vụ',
  situation: 'Đặc điểm tình hình',
  measures: 'Biện pháp thực hiện',
  results: 'Kết quả đạt được',
  previousAwards: 'Các hình thức đã được khen thưởng',
} as const;

export const SEX_LABELS = ['Nam', 'Nữ'] as const;

/** The text columns of `Báo cáo thành tích`, read as typed (line breaks kept as paragraphs). */
export const REPORT_TEXT_KEYS = [
  'homeTown', 'residence', 'qualifications', 'academicTitles', 'duties', 'address', 'phone', 'email',
  'structure', 'functions', 'situation', 'measures', 'results',
] as const;
export type ReportTextKey = (typeof REPORT_TEXT_KEYS)[number];

export const OTHER_BLOCK = 'Đơn vị khác';
export const KIND_LABEL = { collective: 'Tập thể', individual: 'Cá nhân' } as const;

export const RATING_LABEL = {
  HTXSNV: 'Hoàn thành xuất sắc nhiệm vụ',
  HTTNV: 'Hoàn thành tốt nhiệm vụ',
  HTNV: 'Hoàn thành nhiệm vụ',
  KHTNV: 'Không hoàn thành nhiệm vụ',
} as const;

/** Prize names by rank (U3): Nhất, Nhì, Ba, then «Thứ 4», «Thứ 5»… */
export function prizeName(rank: number): string {
  return ['Nhất', 'Nhì', 'Ba'][rank - 1] ?? `Thứ ${rank}`;
}

/** `Tiêu chuẩn` (optional, issue 12): one row per condition of an eligibility rule. */
export const STANDARD_COL = {
  rule: 'Mã tiêu chuẩn',
  appliesTo: 'Áp dụng cho',
  group: 'Nhóm',
  column: 'Cột đề nghị',
  test: 'Phép thử',
  value: 'Giá trị',
  sentence: 'Câu trong kết quả',
} as const;

/** Who a condition applies to. */
export const STANDARD_APPLIES = { collective: 'Tập thể', individual: 'Cá nhân', both: 'Cả hai' } as const;

/** `Chung`: every rule must hold; `Một trong` (or `Một trong: <tên nhóm>`): at least one rule of the group. */
export const STANDARD_GROUP = { all: 'Chung', oneOf: 'Một trong' } as const;

/** The tests a condition can make on its column. */
export const STANDARD_TEST = {
  yes: 'Có',
  atLeast: '≥',
  above: '>',
  equals: '=',
  inList: 'Thuộc danh sách',
  prizeRank: 'Hạng trong số hạng được xét',
  twoYears: 'Hai năm đều ít nhất',
  hasText: 'Có nội dung',
  knownUnit: 'Đơn vị của phong trào',
} as const;

/** `Căn cứ pháp lý` (issue 12, optional sheet): one row per line a document cites. */
export const LEGAL_BASIS_COL = {
  document: 'Văn bản',
  order: 'Thứ tự',
  text: 'Nội dung',
} as const;

/** `Giấy khen: kiểu in`: the whole design, or only the variable text on pre-printed blanks (phôi). */
export const CERTIFICATE_MODES = { full: 'Đầy đủ', onBlank: 'In trên phôi' } as const;

/**
 * `Tiếp nhận hồ sơ` (issue 11): the standing body's intake of the units' dossiers. The officer
 * types the date, the channel, who received it, and a return with its reason; the tool writes
 * the check and the status.
 */
export const INTAKE_COL = {
  unitCode: 'Mã đơn vị',
  unitName: 'Tên đơn vị',
  receivedOn: 'Ngày nhận',
  channel: 'Hình thức nộp',
  receivedBy: 'Người nhận',
  check: 'Kết quả kiểm tra',
  status: 'Trạng thái',
  reason: 'Lý do trả lại',
} as const;

/** How a dossier arrived: the province's public-service portal or on paper. */
export const INTAKE_CHANNELS = ['Trực tuyến', 'Bản giấy'] as const;

/** `Đủ` and `Thiếu` are computed; `Trả lại` is the officer's and is kept. */
export const INTAKE_STATUSES = ['Đủ', 'Thiếu', 'Trả lại'] as const;
export type IntakeStatus = (typeof INTAKE_STATUSES)[number];

/** `Hội đồng thi đua` (optional): one row per member of the district's emulation council. */
export const COUNCIL_COL = {
  name: 'Họ và tên',
  position: 'Chức vụ',
  role: 'Nhiệm vụ trong Hội đồng',
} as const;

/** The roles the council's minutes name: the chair signs right, the secretary left. */
export const COUNCIL_ROLES = ['Chủ tịch Hội đồng', 'Phó Chủ tịch Hội đồng', 'Thư ký', 'Thành viên'] as const;
