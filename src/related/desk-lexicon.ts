/**
 * The desk lexicon: the words by which a newsroom's desks know their own
 * stories, written by us from ordinary news Arabic (not drawn from any
 * corpus), one list a desk, words separated by spaces. Words are written as
 * they appear in copy, with or without ال; they go through the analysis
 * chain (desks.ts) and are matched by stem, so the forms with prefixes and
 * the spelling variants normalize() folds need not be listed.
 *
 * Why a hand-written list: two stories of one subject told in different
 * events (two transfer stories, two central-bank decisions) share few
 * names, and the collection's statistics favour names. Which desk a story
 * belongs to is what a reader expects "related" to respect, and it is
 * carried by a small, stable vocabulary that an editor could write down;
 * no library ships it for Arabic news. A word on two desks' lists counts
 * half on each.
 *
 * Left out: words another desk's stories use as much (رئيس, مجلس, فوز,
 * فريق, سباق, برنامج, ممثل, رواية, نجم, الجمهور, هدف as in بهدف), and
 * words whose stem is another common word (دوري → دور "role", بيانات →
 * بيان "statement", رسوم → رسم, آثار → اثر "effect", رقمي → رقم
 * "number", المدنيين → مدن "cities", المركزي → مركز) or too short to
 * say anything (الذكية → ذك, قوات → قو, ديون → دي).
 *
 * The lists were written before they were measured, then reviewed once as
 * the analysis chain sees them (each word beside its stem), which took out
 * the words above; they are not tuned to the evaluation corpus
 * (BENCHMARKS.md "Related"): health, for instance, is its own desk although
 * the corpus files it under technology.
 */

export interface Desk {
  /** A stable key (stored shares follow DESKS' order). */
  name: string;
  /** How the newsroom calls the desk. */
  label: string;
  words: string;
}

export const DESKS: readonly Desk[] = [
  {
    name: 'politics',
    label: 'سياسة',
    words: `
    سياسة السياسة السياسي السياسية حكومة الحكومة وزير الوزير برلمان البرلمان انتخابات الانتخابات
    حزب الحزب معارضة المعارضة الأمن الأمم حرب الحرب جيش الجيش عسكري العسكرية هجوم الهجوم قتلى مقتل
    غارات الغارات المسلحين المسلحة تنظيم داعش اللاجئين سفير دبلوماسي الدبلوماسية مفاوضات المفاوضات
    اتفاق عقوبات العقوبات نووي النووي احتجاجات متظاهرين المتظاهرين الشرطة اعتقال محكمة المحكمة
    القضاء التصويت النواب الرئاسة الأمنية الصراع المعارك قصف القصف
`,
  },
  {
    name: 'economy',
    label: 'اقتصاد',
    words: `
    اقتصاد الاقتصاد اقتصادي الاقتصادية سوق الأسواق أسهم الأسهم بورصة البورصة مؤشر نفط النفط برميل
    أوبك أسعار الأسعار تضخم التضخم الفائدة البنك عملة العملة الدولار اليورو صادرات تجارة التجارة
    التجارية جمركية استثمار الاستثمار الاستثمارات مستثمرين المستثمرين أرباح الأرباح إيرادات مبيعات
    المبيعات نمو النمو الناتج الإجمالي ميزانية الميزانية عجز قرض قروض صندوق النقد ضرائب ضريبة
    الضريبة ركود بطالة البطالة الذهب عقارات العقارات مصرف المصارف تمويل سندات الطاقة الغاز المالية
    مالي المالي الشركات التداول تداولات
`,
  },
  {
    name: 'sport',
    label: 'رياضة',
    words: `
    رياضة رياضي الرياضية مباراة مباريات لاعب لاعبين اللاعبين مدرب المدرب كأس بطولة البطولة منتخب
    المنتخب نادي النادي ملعب الملعب فيفا الفيفا كرة القدم تنس ميدالية ميداليات أولمبياد الأولمبية
    مونديال المونديال تأهل هزيمة تعادل موسم حارس مهاجم ركلة جزاء ليفربول برشلونة يوفنتوس ميسي
    رونالدو بطل لقب الشوط تسديدة الملاكمة السلة الفورمولا الانتقالات التأهل الأندية أندية هداف
`,
  },
  {
    name: 'technology',
    label: 'علوم وتكنولوجيا',
    words: `
    تكنولوجيا التكنولوجيا تقنية التقنية تقنيات تطبيق التطبيق تطبيقات هاتف الهاتف هواتف الهواتف
    الإنترنت فيسبوك غوغل جوجل آبل أمازون مايكروسوفت سامسونغ آيفون أندرويد برمجيات المستخدمين
    مستخدمي حاسوب كمبيوتر الحواسيب الذكاء الاصطناعي روبوت روبوتات إلكتروني الإلكترونية السيبراني
    تويتر يوتيوب إنستغرام واتساب شاشة كاميرا بطارية معالج الفضاء ناسا علماء العلماء دراسة الدراسة
    باحثون الباحثين الباحثون الأقمار تقني الابتكار منصة المنصة
`,
  },
  {
    name: 'culture',
    label: 'ثقافة وفنون',
    words: `
    ثقافة الثقافة ثقافي الثقافية فن الفن الفنون فنان الفنان فنانة فيلم الفيلم أفلام سينما السينما
    السينمائي مهرجان المهرجان مسرح المسرح مسرحية موسيقى الموسيقى أغنية أغاني مطرب المطرب مغني
    المغنية ألبوم روائي كاتب الكاتب كتاب الكتاب شاعر الشاعر شعر الشعر أدب الأدب الأدبية معرض المعرض
    متحف المتحف جائزة الجائزة الأوسكار مسلسل المسلسل دراما الدراما التلفزيوني حفل الحفل تراث التراث
    لوحة اللوحة رسام مخرج المخرج الغناء الموضة
`,
  },
  {
    name: 'health',
    label: 'صحة',
    words: `
    صحة الصحة الصحية مرض المرض أمراض الأمراض مستشفى المستشفى طبيب الأطباء علاج العلاج دواء الأدوية
    لقاح اللقاح وباء فيروس الفيروس سرطان السرطان مرضى المرضى الكوليرا الحصبة السمنة التدخين النوم
    الغذاء الغذائي الجسم الدماغ
`,
  },
];
