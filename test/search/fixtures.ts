/** Short articles written for the search tests (not taken from any corpus). */
import type { ArticleInput } from '../../src/content/article.js';

export const ARTICLES: ArticleInput[] = [
  {
    externalId: 'search:president',
    slug: 'president-opposition',
    title: 'الرَّئِيسُ يلتقي وفد المعارضة في دمشق',
    description: 'لقاء نادر بين الرئيس والمعارضة بعد سنوات من القطيعة.',
    tags: ['سياسة', 'سوريا'],
    body: [
      'استقبل الرَّئِيسُ صباح الأحد وفداً من المعارضة في القصر، في أول لقاء من نوعه منذ سنوات.',
      'وقال مصدر مطلع إن المحادثات تناولت ملف المعتقلين وعودة اللاجئين.',
      'ورحبت أطراف عديدة باللقاء، فيما وصفته صحف محلية بأنه خطوة أولى.',
    ].join('\n\n'),
    publishedAt: '2026-03-01T09:00:00Z',
  },
  {
    externalId: 'search:iran-oil',
    slug: 'iran-oil',
    title: 'ايران ترفع إنتاجها من النفط',
    description: 'وزارة النفط تعلن زيادة الإنتاج اليومي.',
    tags: ['اقتصاد', 'إيران'],
    body: [
      'اكد وزير النفط أن بلاده رفعت إنتاجها اليومي من الخام رغم العقوبات.',
      'وأوضح الوزير أن الزيادة تستهدف الأسواق الآسيوية بالدرجة الأولى.',
    ].join('\n\n'),
    publishedAt: '2026-03-02T09:00:00Z',
  },
  {
    externalId: 'search:opposition-talks',
    slug: 'opposition-talks',
    title: 'محادثات جديدة بين الحكومة والمعارضة',
    description: 'جولة ثانية من المفاوضات في جنيف.',
    tags: ['سياسة'],
    body: [
      'تبدأ الأسبوع المقبل جولة ثانية من المفاوضات بين الحكومة والمعارضة في جنيف برعاية أممية.',
      'وأكد المبعوث الأممي أن إيران وتركيا ستحضران بصفة مراقب.',
    ].join('\n\n'),
    publishedAt: '2026-03-03T09:00:00Z',
  },
  {
    externalId: 'search:opposition-funding',
    slug: 'opposition-funding',
    title: 'تقرير عن تمويل الأحزاب',
    description: 'تقرير يكشف مصادر تمويل الأحزاب السياسية.',
    tags: ['سياسة', 'تقارير'],
    body: 'كشف تقرير حديث أن الأحزاب تعتمد على التبرعات، وأن الدعم الخارجي بالمعارضة محدود.',
    publishedAt: '2026-02-20T09:00:00Z',
  },
  {
    externalId: 'search:draft',
    slug: 'draft-president',
    title: 'مسودة: الرئيس والمعارضة والنفط',
    description: 'مسودة لم تنشر.',
    tags: ['سياسة'],
    body: 'الرئيس والمعارضة وإيران والنفط في مسودة لم تنشر بعد.',
    status: 'draft',
  },
  {
    externalId: 'search:future',
    slug: 'future-president',
    title: 'مقال مجدول عن الرئيس والمعارضة',
    description: 'ينشر لاحقاً.',
    tags: ['سياسة'],
    body: 'الرئيس والمعارضة وإيران والنفط في مقال مجدول للنشر.',
    publishedAt: '2099-01-01T00:00:00Z',
  },
  {
    externalId: 'search:football',
    slug: 'football-final',
    title: 'المنتخب يفوز في النهائي',
    description: 'فوز مستحق في المباراة النهائية لكأس العرب.',
    tags: ['رياضة'],
    body: [
      'فاز المنتخب في المباراة النهائية بهدفين مقابل هدف.',
      'وسجل المهاجم هدف الفوز في الدقيقة الأخيرة <script>alert(1)</script> وسط فرحة الجماهير.',
    ].join('\n\n'),
    publishedAt: '2026-03-04T09:00:00Z',
  },
];
