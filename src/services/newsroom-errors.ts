/**
 * The newsroom's errors (issue #5): a stable code for programs, a message in
 * English and in Arabic for people, and the field at fault when there is one.
 * The Admin API sends them as JSON; the admin pages show the Arabic message.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly messageAr: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toJSON(): { error: string; message: string; message_ar: string; field?: string } {
    return { error: this.code, message: this.message, message_ar: this.messageAr, ...(this.field ? { field: this.field } : {}) };
  }
}

export const invalid = (field: string, message: string, messageAr: string) =>
  new AppError(400, 'invalid_field', `${field}: ${message}`, messageAr, field);

export const notFound = (what = 'article', ar = 'لم نجد هذا الخبر') => new AppError(404, 'not_found', `${what} not found`, ar);

export const unauthorized = () =>
  new AppError(401, 'unauthorized', 'Sign in or give an API key', 'يجب تسجيل الدخول أو تقديم مفتاح واجهة برمجية');

export const forbidden = (message = 'Your role does not allow this', messageAr = 'دورك لا يسمح بهذا الإجراء') =>
  new AppError(403, 'forbidden', message, messageAr);

export const conflict = (code: string, field: string, message: string, messageAr: string) =>
  new AppError(409, code, message, messageAr, field);

/** Field names in Arabic, for the admin's messages. */
export const FIELD_NAMES_AR: Record<string, string> = {
  title: 'العنوان',
  description: 'الوصف',
  tags: 'الوسوم',
  body: 'نص الخبر',
  slug: 'الرابط المختصر',
  author: 'الكاتب',
  coAuthors: 'المشاركون في الكتابة',
  publishAt: 'موعد النشر',
  featureImage: 'الصورة الرئيسية',
  correction: 'التصحيح',
  corrections: 'التصحيحات',
  breakingUntil: 'عاجل',
  live: 'التغطية المباشرة',
  liveUpdates: 'تحديثات التغطية المباشرة',
  text: 'النص',
  featured: 'خبر بارز',
  genre: 'نوع المادة',
  sponsor: 'الجهة الراعية',
  pinnedLinks: 'الروابط المثبتة',
  blockedLinks: 'الروابط المستبعدة',
  alt: 'النص البديل',
  file: 'الملف',
  email: 'البريد الإلكتروني',
  password: 'كلمة المرور',
  name: 'الاسم',
  role: 'الدور',
  jobTitle: 'صفة الكاتب',
  bio: 'نبذة الكاتب',
  links: 'الروابط',
  status: 'الحالة',
};
