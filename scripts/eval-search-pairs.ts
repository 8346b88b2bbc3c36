/**
 * Word pairs for the search evaluation (scripts/eval-search.ts), written for it
 * independently of the stemmer: by a separate author who saw neither the
 * stemmer's word lists (src/arabic/) nor the evaluation's own. They measure
 * how well the stemmer's list of ة-nouns (src/arabic/feminine-nouns.ts) tells
 * a ة-noun from the different word without ة, on words it was not written from,
 * and check that it leaves the two genders of one word together.
 * A pair is used when both words occur in the corpus.
 */

/** A masculine form and a ة-form that are different words (must not match). */
export const HELD_OUT_DIFFERENT: [string, string][] = [
  ['الحكم', 'الحكمة'], // rule, verdict / wisdom
  ['الصف', 'الصفة'], // row, class / attribute, capacity
  ['الحمل', 'الحملة'], // pregnancy, load / campaign
  ['الشرط', 'الشرطة'], // condition / police
  ['الأم', 'الأمة'], // mother / nation
  ['العمل', 'العملة'], // work / currency
  ['الدور', 'الدورة'], // role, turn / session, cycle, course
  ['السن', 'السنة'], // age, tooth / year
  ['الثور', 'الثورة'], // bull / revolution
  ['الجمع', 'الجمعة'], // gathering, collecting / Friday
  ['المنطق', 'المنطقة'], // logic / region
  ['الحرب', 'الحربة'], // war / spear, bayonet
  ['الكتاب', 'الكتابة'], // book / writing
  ['القراء', 'القراءة'], // readers / reading
  ['القيام', 'القيامة'], // standing, undertaking / resurrection
  ['الخلاف', 'الخلافة'], // dispute / caliphate
  ['المكتب', 'المكتبة'], // office / library
  ['المنشأ', 'المنشأة'], // origin / facility, installation
  ['الطائر', 'الطائرة'], // bird / airplane
  ['الغار', 'الغارة'], // cave / raid, air strike
  ['البعث', 'البعثة'], // Baath, resurrection / mission, delegation
  ['القص', 'القصة'], // cutting / story
  ['التجار', 'التجارة'], // merchants / trade
  ['الرياض', 'الرياضة'], // Riyadh, gardens / sport
  ['الخدم', 'الخدمة'], // servants / service
  ['اللوح', 'اللوحة'], // board, tablet / painting, panel
  ['الجود', 'الجودة'], // generosity / quality
  ['العمال', 'العمالة'], // workers / labor force, employment
  ['الغرام', 'الغرامة'], // love, passion / fine, penalty
  ['القتل', 'القتلة'], // killing / killers
  ['الطلب', 'الطلبة'], // request, demand / students
  ['الفض', 'الفضة'], // dispersal, breaking up / silver
  ['الحب', 'الحبة'], // love / pill, grain
  ['العين', 'العينة'], // eye / sample
  ['الوجه', 'الوجهة'], // face / destination
  ['الفصيل', 'الفصيلة'], // faction / species, platoon, blood type
  ['الكتيب', 'الكتيبة'], // booklet / battalion
  ['الطريق', 'الطريقة'], // road / method
  ['السياح', 'السياحة'], // tourists / tourism
  ['الحج', 'الحجة'], // pilgrimage / argument, pretext
  ['العمر', 'العمرة'], // age, lifetime / Umrah
  ['الفطر', 'الفطرة'], // breaking the fast, fungi / innate nature
  ['الكنيس', 'الكنيسة'], // synagogue / church
  ['الطائف', 'الطائفة'], // Taif (city) / sect, community
  ['الرد', 'الردة'], // response / apostasy, relapse
  ['الهجر', 'الهجرة'], // abandonment / migration
  ['المعاهد', 'المعاهدة'], // institutes / treaty
  ['النقاب', 'النقابة'], // face veil / trade union
  ['الخبر', 'الخبرة'], // news item / experience, expertise
  ['الغد', 'الغدة'], // tomorrow / gland
  ['اللحم', 'اللحمة'], // meat / cohesion
  ['الدرج', 'الدرجة'], // stairs, drawer / degree, class
  ['القاع', 'القاعة'], // bottom / hall
  ['الشق', 'الشقة'], // crack, split / apartment
  ['البلد', 'البلدة'], // country / town
  ['الكعب', 'الكعبة'], // heel / Kaaba
  ['المنام', 'المنامة'], // sleep, dream / Manama
  ['البصر', 'البصرة'], // eyesight / Basra
  ['الحديد', 'الحديدة'], // iron / Hodeidah
  ['الرق', 'الرقة'], // slavery / Raqqa, tenderness
  ['العقب', 'العقبة'], // heel / obstacle, Aqaba
  ['الحلق', 'الحلقة'], // throat, shaving / episode, ring
  ['الخاتم', 'الخاتمة'], // ring, seal / conclusion
  ['العجز', 'العجزة'], // deficit, inability / the elderly, infirm
  ['الفقر', 'الفقرة'], // poverty / paragraph, segment
  ['البيع', 'البيعة'], // sale / pledge of allegiance
  ['القار', 'القارة'], // tar / continent
  ['الغرب', 'الغربة'], // west / exile, estrangement
  ['المقاطع', 'المقاطعة'], // clips, segments / boycott, province
  ['المظاهر', 'المظاهرة'], // appearances, manifestations / demonstration
  ['السلام', 'السلامة'], // peace / safety
  ['الأمان', 'الأمانة'], // security, safety / trust, secretariat
  ['الكرام', 'الكرامة'], // the noble ones / dignity
  ['الصدق', 'الصدقة'], // truthfulness / charity
  ['الشام', 'الشامة'], // the Levant / mole, beauty mark
  ['المد', 'المدة'], // extension, tide / period, duration
  ['الطرف', 'الطرفة'], // side, party / anecdote, joke
  ['الحصان', 'الحصانة'], // horse / immunity
  ['الجدار', 'الجدارة'], // wall / merit, competence
  ['الصدار', 'الصدارة'], // vest / lead, top spot
  ['الرقاب', 'الرقابة'], // necks / oversight, censorship
  ['الحراس', 'الحراسة'], // guards / guarding, custody
  ['الحكام', 'الحكامة'], // rulers / governance
  ['الشاحن', 'الشاحنة'], // charger / truck
  ['الغواص', 'الغواصة'], // diver / submarine
  ['السماع', 'السماعة'], // hearing, listening / headset, receiver
  ['الطابع', 'الطابعة'], // character, stamp / printer
  ['الخوارزمي', 'الخوارزمية'], // al-Khwarizmi / algorithm
  ['السد', 'السدة'], // dam / seat of power
  ['البلاغ', 'البلاغة'], // report, communique / eloquence
  ['الهدي', 'الهدية'], // guidance / gift
  ['الرعي', 'الرعية'], // grazing / subjects, citizenry
  ['الجماع', 'الجماعة'], // intercourse / group
  ['النشر', 'النشرة'], // publishing / bulletin
  ['الصناع', 'الصناعة'], // makers / industry
  ['الشاش', 'الشاشة'], // gauze / screen
  ['القلع', 'القلعة'], // uprooting, extraction / castle, citadel
  ['الكتب', 'الكتبة'], // books / scribes
];

/** A masculine form and its ة-form that are one word in two genders (must match). */
export const HELD_OUT_SAME: [string, string][] = [
  ['السياسي', 'السياسية'], // political
  ['العسكري', 'العسكرية'], // military
  ['الأمريكي', 'الأمريكية'], // American
  ['الفلسطيني', 'الفلسطينية'], // Palestinian
  ['الإسرائيلي', 'الإسرائيلية'], // Israeli
  ['المصري', 'المصرية'], // Egyptian
  ['الأوروبي', 'الأوروبية'], // European
  ['الدولي', 'الدولية'], // international
  ['الإقليمي', 'الإقليمية'], // regional
  ['المحلي', 'المحلية'], // local
  ['الحكومي', 'الحكومية'], // governmental
  ['البرلماني', 'البرلمانية'], // parliamentary
  ['الانتخابي', 'الانتخابية'], // electoral
  ['النفطي', 'النفطية'], // oil (adj.)
  ['التجاري', 'التجارية'], // commercial
  ['الصناعي', 'الصناعية'], // industrial
  ['الزراعي', 'الزراعية'], // agricultural
  ['الرياضي', 'الرياضية'], // sports (adj.), athlete
  ['الثقافي', 'الثقافية'], // cultural
  ['الفني', 'الفنية'], // artistic, technical
  ['التكنولوجي', 'التكنولوجية'], // technological
  ['الإلكتروني', 'الإلكترونية'], // electronic
  ['الرقمي', 'الرقمية'], // digital
  ['العلمي', 'العلمية'], // scientific
  ['الطبي', 'الطبية'], // medical
  ['الصحي', 'الصحية'], // health (adj.)
  ['التعليمي', 'التعليمية'], // educational
  ['الإعلامي', 'الإعلامية'], // media (adj.), media figure
  ['الصحفي', 'الصحفية'], // journalist, journalistic
  ['الروسي', 'الروسية'], // Russian
  ['الصيني', 'الصينية'], // Chinese
  ['الفرنسي', 'الفرنسية'], // French
  ['البريطاني', 'البريطانية'], // British
  ['الألماني', 'الألمانية'], // German
  ['العربي', 'العربية'], // Arab, Arabic
  ['الإيراني', 'الإيرانية'], // Iranian
  ['التركي', 'التركية'], // Turkish
  ['العراقي', 'العراقية'], // Iraqi
  ['السوري', 'السورية'], // Syrian
  ['اللبناني', 'اللبنانية'], // Lebanese
  ['الأردني', 'الأردنية'], // Jordanian
  ['الخليجي', 'الخليجية'], // Gulf (adj.)
  ['الإسلامي', 'الإسلامية'], // Islamic
  ['الديني', 'الدينية'], // religious
  ['التاريخي', 'التاريخية'], // historic
  ['الاجتماعي', 'الاجتماعية'], // social
  ['البيئي', 'البيئية'], // environmental
  ['الحدودي', 'الحدودية'], // border (adj.)
  ['النووي', 'النووية'], // nuclear
  ['الجوي', 'الجوية'], // air (adj.), aerial
  ['الرسمي', 'الرسمية'], // official
  ['القانوني', 'القانونية'], // legal
  ['الدستوري', 'الدستورية'], // constitutional
  ['القضائي', 'القضائية'], // judicial
  ['الجنائي', 'الجنائية'], // criminal
  ['الأولمبي', 'الأولمبية'], // Olympic
  ['الآسيوي', 'الآسيوية'], // Asian
  ['الأفريقي', 'الأفريقية'], // African
  ['السنوي', 'السنوية'], // annual
  ['الأسبوعي', 'الأسبوعية'], // weekly
  ['الحالي', 'الحالية'], // current
  ['المستقبلي', 'المستقبلية'], // future (adj.)
  ['الجماعي', 'الجماعية'], // collective
  ['الحقيقي', 'الحقيقية'], // real
  ['الأساسي', 'الأساسية'], // basic
  ['الرئيسي', 'الرئيسية'], // main
  ['الافتراضي', 'الافتراضية'], // virtual, default
  ['الضروري', 'الضرورية'], // necessary
  ['الإضافي', 'الإضافية'], // additional
  ['الكاتب', 'الكاتبة'], // writer
  ['اللاعب', 'اللاعبة'], // player
  ['الباحث', 'الباحثة'], // researcher
  ['الحاكم', 'الحاكمة'], // ruler, ruling
  ['الناشط', 'الناشطة'], // activist
  ['الراحل', 'الراحلة'], // late, deceased
  ['القادم', 'القادمة'], // coming, next
  ['الماضي', 'الماضية'], // past, last
  ['الناجح', 'الناجحة'], // successful
  ['الفائز', 'الفائزة'], // winner, winning
  ['الخاسر', 'الخاسرة'], // loser, losing
  ['الشاعر', 'الشاعرة'], // poet
  ['الغاضب', 'الغاضبة'], // angry
  ['الحاسم', 'الحاسمة'], // decisive
  ['الكامل', 'الكاملة'], // complete
  ['الشامل', 'الشاملة'], // comprehensive
  ['العاجل', 'العاجلة'], // urgent
  ['الفنان', 'الفنانة'], // artist
  ['الممثل', 'الممثلة'], // actor, representative
  ['المغني', 'المغنية'], // singer
  ['المذيع', 'المذيعة'], // broadcaster, anchor
  ['الموظف', 'الموظفة'], // employee
  ['المهندس', 'المهندسة'], // engineer
  ['الطبيب', 'الطبيبة'], // doctor
  ['الممرض', 'الممرضة'], // nurse
  ['المحامي', 'المحامية'], // lawyer
  ['القاضي', 'القاضية'], // judge
  ['الوزير', 'الوزيرة'], // minister
  ['السفير', 'السفيرة'], // ambassador
  ['المدير', 'المديرة'], // director, manager
  ['المدرب', 'المدربة'], // coach, trainer
  ['الأستاذ', 'الأستاذة'], // professor, teacher
  ['الطالب', 'الطالبة'], // student
  ['الزميل', 'الزميلة'], // colleague
  ['الصديق', 'الصديقة'], // friend, friendly
  ['الشقيق', 'الشقيقة'], // brother/sister, fraternal
  ['الجار', 'الجارة'], // neighbor, neighboring
  ['المقيم', 'المقيمة'], // resident
  ['المهاجر', 'المهاجرة'], // migrant
  ['اللاجئ', 'اللاجئة'], // refugee
  ['السجين', 'السجينة'], // prisoner
  ['الأسير', 'الأسيرة'], // captive, prisoner
  ['القتيل', 'القتيلة'], // person killed
  ['الجريح', 'الجريحة'], // wounded
  ['الشهيد', 'الشهيدة'], // martyr
  ['المتهم', 'المتهمة'], // accused, defendant
  ['المفقود', 'المفقودة'], // missing
  ['المتظاهر', 'المتظاهرة'], // demonstrator
  ['المحتج', 'المحتجة'], // protester
  ['الناخب', 'الناخبة'], // voter
  ['المرشح', 'المرشحة'], // candidate
  ['المستشار', 'المستشارة'], // adviser, chancellor
  ['المتحدث', 'المتحدثة'], // spokesperson
  ['المستقل', 'المستقلة'], // independent
  ['المتوقع', 'المتوقعة'], // expected
  ['المقبل', 'المقبلة'], // next, upcoming
  ['الجديد', 'الجديدة'], // new
  ['القديم', 'القديمة'], // old
  ['الصغير', 'الصغيرة'], // small
  ['القليل', 'القليلة'], // few, little
  ['الطويل', 'الطويلة'], // long
  ['القصير', 'القصيرة'], // short
  ['الضعيف', 'الضعيفة'], // weak
  ['القوي', 'القوية'], // strong
  ['الغني', 'الغنية'], // rich
  ['الفقير', 'الفقيرة'], // poor
  ['الجميل', 'الجميلة'], // beautiful
  ['السريع', 'السريعة'], // fast
  ['الصعب', 'الصعبة'], // difficult
  ['الخطير', 'الخطيرة'], // dangerous, serious
  ['العظيم', 'العظيمة'], // great
  ['الشديد', 'الشديدة'], // severe
  ['البعيد', 'البعيدة'], // far
  ['القريب', 'القريبة'], // near, relative
  ['المفتوح', 'المفتوحة'], // open
  ['المغلق', 'المغلقة'], // closed
  ['المحتل', 'المحتلة'], // occupied, occupier
  ['المسلح', 'المسلحة'], // armed
  ['المشهور', 'المشهورة'], // famous
  ['المسؤول', 'المسؤولة'], // responsible, official
  ['المطلوب', 'المطلوبة'], // required, wanted
  ['الممنوع', 'الممنوعة'], // forbidden
  ['المحدود', 'المحدودة'], // limited
  ['المعلن', 'المعلنة'], // announced
  ['المتحد', 'المتحدة'], // united
  ['المتقدم', 'المتقدمة'], // advanced
  ['المستمر', 'المستمرة'], // continuing
  ['المحتمل', 'المحتملة'], // probable, potential
  ['المشترك', 'المشتركة'], // joint, common
  ['الصحيح', 'الصحيحة'], // correct
];
