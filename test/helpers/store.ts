import type { ArticleInput } from '../../src/content/article.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite.js';

export function memoryStore(): Promise<SqliteStore> {
  return openSqliteStore(':memory:');
}

let n = 0;
/** A short article of our own, in the model's shape. */
export function article(overrides: Partial<ArticleInput> = {}): ArticleInput {
  n++;
  return {
    title: `خبر تجريبي رقم ${n}: تفاصيل الحدث`,
    description: 'وصف قصير للخبر التجريبي.',
    tags: ['سياسة'],
    body: [
      '## خلفية الحدث',
      'الفقرة الأولى من الخبر تروي ما جرى في العاصمة صباح اليوم.',
      'الفقرة الثانية تضيف تفاصيل عن المشاركين في الاجتماع.',
      '> «نحن أمام مرحلة جديدة»، قال المتحدث الرسمي.',
      '## ردود الفعل',
      'الفقرة الثالثة تنقل ردود الفعل الأولى على الاتفاق.',
      'الفقرة الرابعة تشرح ما ينتظر الطرفين في الأسابيع المقبلة.',
      'الفقرة الخامسة تختم الخبر بالخطوات التالية.',
    ].join('\n\n'),
    publishedAt: new Date(Date.UTC(2026, 5, 1) + n * 3600_000).toISOString(),
    ...overrides,
  };
}
