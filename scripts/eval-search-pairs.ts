/**
 * Word pairs for the search evaluation (scripts/eval-search.ts), written for it
 * independently of the stemmer: by a separate author who saw neither the
 * stemmer's word lists (src/arabic/) nor the evaluation's own. They measure
 * how well the stemmer's list of ة-nouns (src/arabic/feminine-nouns.ts) tells
 * a ة-noun from the different word without ة, on words it was not written from,
 * and check that it leaves the two genders of one word together. The last
 * list, by another author who saw neither the stemmer's list of broken plurals
 * (src/arabic/broken-plurals.ts) nor its sources, measures how many plurals
 * that list covers.
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

/** A singular and its broken plural (must match). */
export const HELD_OUT_PLURALS: [string, string][] = [
  ['الحزب', 'الأحزاب'], // party
  ['النائب', 'النواب'], // MP/deputy
  ['الزعيم', 'الزعماء'], // leader
  ['القائد', 'القادة'], // commander/leader
  ['الرئيس', 'الرؤساء'], // president
  ['السفير', 'السفراء'], // ambassador
  ['الخبير', 'الخبراء'], // expert
  ['القاضي', 'القضاة'], // judge
  ['المحكمة', 'المحاكم'], // court
  ['القانون', 'القوانين'], // law
  ['الحكم', 'الأحكام'], // ruling
  ['الجريمة', 'الجرائم'], // crime
  ['السجن', 'السجون'], // prison
  ['السجين', 'السجناء'], // prisoner
  ['الأسير', 'الأسرى'], // captive
  ['الرهينة', 'الرهائن'], // hostage
  ['الجندي', 'الجنود'], // soldier
  ['الضابط', 'الضباط'], // officer
  ['الجيش', 'الجيوش'], // army
  ['السلاح', 'الأسلحة'], // weapon
  ['الصاروخ', 'الصواريخ'], // missile
  ['القنبلة', 'القنابل'], // bomb
  ['السفينة', 'السفن'], // ship
  ['المعركة', 'المعارك'], // battle
  ['الحرب', 'الحروب'], // war
  ['الضحية', 'الضحايا'], // victim
  ['القتيل', 'القتلى'], // killed person
  ['الجريح', 'الجرحى'], // wounded person
  ['الشهيد', 'الشهداء'], // martyr
  ['الحد', 'الحدود'], // border/limit
  ['المنطقة', 'المناطق'], // region
  ['الإقليم', 'الأقاليم'], // province
  ['البلد', 'البلدان'], // country
  ['القرية', 'القرى'], // village
  ['العاصمة', 'العواصم'], // capital
  ['الشعب', 'الشعوب'], // people/nation
  ['الأمة', 'الأمم'], // nation
  ['القبيلة', 'القبائل'], // tribe
  ['العامل', 'العمال'], // worker
  ['الطبيب', 'الأطباء'], // doctor
  ['المريض', 'المرضى'], // patient
  ['الدواء', 'الأدوية'], // medicine
  ['المرض', 'الأمراض'], // disease
  ['الوباء', 'الأوبئة'], // epidemic
  ['العضو', 'الأعضاء'], // member/organ
  ['الجهاز', 'الأجهزة'], // device/agency
  ['الحاسوب', 'الحواسيب'], // computer
  ['الهاتف', 'الهواتف'], // telephone
  ['الموقع', 'المواقع'], // site/position
  ['البرنامج', 'البرامج'], // program
  ['النظام', 'الأنظمة'], // system/regime
  ['الفيلم', 'الأفلام'], // film
  ['المسرح', 'المسارح'], // theater
  ['المتحف', 'المتاحف'], // museum
  ['الفن', 'الفنون'], // art
  ['الكتاب', 'الكتب'], // book
  ['الشاعر', 'الشعراء'], // poet
  ['الأديب', 'الأدباء'], // man of letters
  ['القصيدة', 'القصائد'], // poem
  ['الأغنية', 'الأغاني'], // song
  ['الصحيفة', 'الصحف'], // newspaper
  ['الخبر', 'الأخبار'], // news item
  ['التقرير', 'التقارير'], // report
  ['الرسالة', 'الرسائل'], // message/letter
  ['الوثيقة', 'الوثائق'], // document
  ['السؤال', 'الأسئلة'], // question
  ['الرأي', 'الآراء'], // opinion
  ['الفكرة', 'الأفكار'], // idea
  ['الهدف', 'الأهداف'], // goal/target
  ['الملعب', 'الملاعب'], // stadium
  ['النادي', 'الأندية'], // club
  ['اللقب', 'الألقاب'], // title
  ['الكأس', 'الكؤوس'], // cup
  ['النجم', 'النجوم'], // star
  ['الرقم', 'الأرقام'], // number/record
  ['العدد', 'الأعداد'], // number/issue
  ['النتيجة', 'النتائج'], // result
  ['السبب', 'الأسباب'], // cause
  ['الظرف', 'الظروف'], // circumstance
  ['الوضع', 'الأوضاع'], // situation
  ['الحال', 'الأحوال'], // condition
  ['المشكلة', 'المشاكل'], // problem
  ['الجسر', 'الجسور'], // bridge
  ['الميناء', 'الموانئ'], // port
  ['السائح', 'السياح'], // tourist
  ['الفندق', 'الفنادق'], // hotel
  ['المطعم', 'المطاعم'], // restaurant
  ['السلعة', 'السلع'], // commodity
  ['البضاعة', 'البضائع'], // goods
  ['المصنع', 'المصانع'], // factory
  ['المشروع', 'المشاريع'], // project
  ['الربح', 'الأرباح'], // profit
  ['الخسارة', 'الخسائر'], // loss
  ['الضريبة', 'الضرائب'], // tax
  ['المال', 'الأموال'], // money/funds
  ['التاجر', 'التجار'], // merchant
  ['الغني', 'الأغنياء'], // rich person
  ['الفقير', 'الفقراء'], // poor person
  ['الرجل', 'الرجال'], // man
  ['الطفل', 'الأطفال'], // child
  ['الولد', 'الأولاد'], // boy/child
  ['الطالب', 'الطلاب'], // student
  ['الأستاذ', 'الأساتذة'], // professor
  ['المدرسة', 'المدارس'], // school
  ['المسجد', 'المساجد'], // mosque
  ['الكنيسة', 'الكنائس'], // church
  ['البيت', 'البيوت'], // house
  ['المنزل', 'المنازل'], // home
  ['الشارع', 'الشوارع'], // street
  ['السوق', 'الأسواق'], // market
  ['الحق', 'الحقوق'], // right
  ['المبدأ', 'المبادئ'], // principle
  ['المطلب', 'المطالب'], // demand
  ['القيمة', 'القيم'], // value
  ['العقد', 'العقود'], // contract/decade
  ['العميل', 'العملاء'], // client/agent
  ['الزبون', 'الزبائن'], // customer
  ['الشاهد', 'الشهود'], // witness
  ['السهم', 'الأسهم'], // share/stock
  ['البنك', 'البنوك'], // bank
  ['المصرف', 'المصارف'], // bank
  ['القرض', 'القروض'], // loan
  ['الأجر', 'الأجور'], // wage
  ['الراتب', 'الرواتب'], // salary
  ['الوظيفة', 'الوظائف'], // job
  ['المنصب', 'المناصب'], // post/position
  ['المكتب', 'المكاتب'], // office
  ['المجلس', 'المجالس'], // council
  ['اللجنة', 'اللجان'], // committee
  ['الدستور', 'الدساتير'], // constitution
  ['الصوت', 'الأصوات'], // vote/voice
  ['المقعد', 'المقاعد'], // seat
  ['الحليف', 'الحلفاء'], // ally
  ['العدو', 'الأعداء'], // enemy
  ['الصديق', 'الأصدقاء'], // friend
  ['الجار', 'الجيران'], // neighbor
  ['الشريك', 'الشركاء'], // partner
  ['الوفد', 'الوفود'], // delegation
  ['الطرف', 'الأطراف'], // party/side
  ['الدائرة', 'الدوائر'], // department/constituency
  ['الأمر', 'الأمور'], // matter
  ['الشيء', 'الأشياء'], // thing
  ['الشخص', 'الأشخاص'], // person
  ['الفرد', 'الأفراد'], // individual
  ['اليوم', 'الأيام'], // day
  ['الشهر', 'الشهور'], // month
  ['الأسبوع', 'الأسابيع'], // week
  ['العام', 'الأعوام'], // year
  ['القرن', 'القرون'], // century
  ['الدقيقة', 'الدقائق'], // minute
  ['الليلة', 'الليالي'], // night
  ['الموسم', 'المواسم'], // season
  ['الفصل', 'الفصول'], // chapter/season
  ['العيد', 'الأعياد'], // holiday/feast
  ['الجائزة', 'الجوائز'], // prize
  ['الحديقة', 'الحدائق'], // garden/park
  ['الشاطئ', 'الشواطئ'], // beach
  ['النهر', 'الأنهار'], // river
  ['الجبل', 'الجبال'], // mountain
  ['المطر', 'الأمطار'], // rain
  ['الريح', 'الرياح'], // wind
  ['السيل', 'السيول'], // flood/torrent
  ['الزلزال', 'الزلازل'], // earthquake
  ['البركان', 'البراكين'], // volcano
  ['الحريق', 'الحرائق'], // fire
  ['الكارثة', 'الكوارث'], // disaster
  ['الضرر', 'الأضرار'], // damage
  ['الخطر', 'المخاطر'], // danger/risk
  ['الفرصة', 'الفرص'], // opportunity
  ['الحادث', 'الحوادث'], // accident
  ['الحدث', 'الأحداث'], // event
  ['الواقعة', 'الوقائع'], // incident
  ['الظاهرة', 'الظواهر'], // phenomenon
  ['التجربة', 'التجارب'], // experiment/experience
  ['البحث', 'البحوث'], // research
  ['العلم', 'العلوم'], // science
  ['العالم', 'العلماء'], // scientist/scholar
  ['المعدن', 'المعادن'], // metal/mineral
  ['المصدر', 'المصادر'], // source
  ['المورد', 'الموارد'], // resource
  ['الحقل', 'الحقول'], // field
  ['البئر', 'الآبار'], // well
  ['الأنبوب', 'الأنابيب'], // pipe
  ['المسكن', 'المساكن'], // dwelling
  ['الشقة', 'الشقق'], // apartment
  ['المبنى', 'المباني'], // building
  ['البرج', 'الأبراج'], // tower
  ['الجدار', 'الجدران'], // wall
  ['الباب', 'الأبواب'], // door
  ['النافذة', 'النوافذ'], // window
  ['الغرفة', 'الغرف'], // room
  ['الحقيبة', 'الحقائب'], // bag/portfolio
  ['الطعام', 'الأطعمة'], // food
  ['المادة', 'المواد'], // material/article
  ['الغذاء', 'الأغذية'], // food
  ['الطائر', 'الطيور'], // bird
  ['الشجرة', 'الأشجار'], // tree
  ['المحصول', 'المحاصيل'], // crop
  ['الأرض', 'الأراضي'], // land
  ['القسم', 'الأقسام'], // section
  ['الفرع', 'الفروع'], // branch
  ['النوع', 'الأنواع'], // type
  ['الشكل', 'الأشكال'], // form
  ['الأسلوب', 'الأساليب'], // method/style
  ['الوسيلة', 'الوسائل'], // means
  ['الأساس', 'الأسس'], // basis
  ['القاعدة', 'القواعد'], // base/rule
  ['الشرط', 'الشروط'], // condition
  ['المعيار', 'المعايير'], // standard
  ['الأصل', 'الأصول'], // asset/origin
  ['الفائدة', 'الفوائد'], // interest/benefit
  ['العائد', 'العوائد'], // return/revenue
  ['الوديعة', 'الودائع'], // deposit
  ['الورقة', 'الأوراق'], // paper
  ['القلم', 'الأقلام'], // pen
  ['الاسم', 'الأسماء'], // name
  ['العنوان', 'العناوين'], // address/headline
  ['الوعد', 'الوعود'], // promise
  ['الشكوى', 'الشكاوى'], // complaint
  ['الدعوى', 'الدعاوى'], // lawsuit
  ['التهمة', 'التهم'], // charge
  ['الدليل', 'الأدلة'], // evidence
  ['الحقيقة', 'الحقائق'], // fact
  ['السر', 'الأسرار'], // secret
  ['الخطأ', 'الأخطاء'], // mistake
  ['اللص', 'اللصوص'], // thief
  ['الفصيل', 'الفصائل'], // faction
  ['الكتيبة', 'الكتائب'], // battalion
  ['اللواء', 'الألوية'], // brigade
  ['الخندق', 'الخنادق'], // trench
  ['الملجأ', 'الملاجئ'], // shelter
  ['القافلة', 'القوافل'], // convoy
  ['الذخيرة', 'الذخائر'], // ammunition
  ['البندقية', 'البنادق'], // rifle
  ['الشظية', 'الشظايا'], // shrapnel
  ['اللغم', 'الألغام'], // landmine
  ['الخريطة', 'الخرائط'], // map
  ['الجو', 'الأجواء'], // atmosphere/airspace
  ['المعبر', 'المعابر'], // crossing
  ['الحاجز', 'الحواجز'], // checkpoint
  ['الورم', 'الأورام'], // tumor
  ['القلب', 'القلوب'], // heart
  ['العين', 'العيون'], // eye
  ['العظم', 'العظام'], // bone
  ['العصب', 'الأعصاب'], // nerve
  ['الخلية', 'الخلايا'], // cell
  ['الجسم', 'الأجسام'], // body
  ['الرأس', 'الرؤوس'], // head
  ['اليد', 'الأيدي'], // hand
  ['القدم', 'الأقدام'], // foot
  ['الوجه', 'الوجوه'], // face
  ['الشريحة', 'الشرائح'], // chip/slice
  ['الرقاقة', 'الرقائق'], // microchip
  ['القمر', 'الأقمار'], // moon/satellite
  ['الخادم', 'الخوادم'], // server
  ['الرمز', 'الرموز'], // symbol/code
  ['المفتاح', 'المفاتيح'], // key
  ['المركز', 'المراكز'], // center/rank
  ['العقل', 'العقول'], // mind
  ['الأثر', 'الآثار'], // antiquity/effect
  ['التمثال', 'التماثيل'], // statue
  ['المعبد', 'المعابد'], // temple
  ['القلعة', 'القلاع'], // castle
  ['السور', 'الأسوار'], // wall/fence
  ['الكنز', 'الكنوز'], // treasure
  ['الأسطورة', 'الأساطير'], // legend
  ['التقليد', 'التقاليد'], // tradition
  ['الطقس', 'الطقوس'], // rite
  ['الملك', 'الملوك'], // king
  ['الأمير', 'الأمراء'], // prince
  ['الشيخ', 'الشيوخ'], // sheikh/senator
  ['الإمام', 'الأئمة'], // imam
  ['الراهب', 'الرهبان'], // monk
  ['النبي', 'الأنبياء'], // prophet
  ['الأجنبي', 'الأجانب'], // foreigner
  ['العربي', 'العرب'], // Arab
  ['الكردي', 'الأكراد'], // Kurd
  ['التركي', 'الأتراك'], // Turk
  ['الروسي', 'الروس'], // Russian
  ['الألماني', 'الألمان'], // German
  ['المليون', 'الملايين'], // million
  ['الألف', 'الآلاف'], // thousand
  ['الطن', 'الأطنان'], // ton
  ['البرميل', 'البراميل'], // barrel
  ['الحصة', 'الحصص'], // share/quota
  ['القسط', 'الأقساط'], // installment
  ['المخزن', 'المخازن'], // store/warehouse
  ['المنفذ', 'المنافذ'], // outlet/port of entry
  ['المنجم', 'المناجم'], // mine
  ['القضية', 'القضايا'], // issue/case
  ['المسألة', 'المسائل'], // question/issue
  ['الشأن', 'الشؤون'], // affair
  ['المصلحة', 'المصالح'], // interest
  ['الرابط', 'الروابط'], // link/tie
  ['الجهد', 'الجهود'], // effort
  ['المسعى', 'المساعي'], // endeavor
  ['الخطة', 'الخطط'], // plan
  ['التدبير', 'التدابير'], // measure
  ['السلطان', 'السلاطين'], // sultan
  ['الضاحية', 'الضواحي'], // suburb
  ['الريف', 'الأرياف'], // countryside
  ['الساحل', 'السواحل'], // coast
  ['الوادي', 'الوديان'], // valley
  ['الصحراء', 'الصحاري'], // desert
  ['الشوط', 'الأشواط'], // half/round
  ['النقطة', 'النقاط'], // point
  ['الدور', 'الأدوار'], // role/round
  ['الحارس', 'الحراس'], // guard/goalkeeper
  ['الموهبة', 'المواهب'], // talent
  ['الجيل', 'الأجيال'], // generation
  ['البطل', 'الأبطال'], // hero/champion
  ['الخصم', 'الخصوم'], // opponent
];
