import { describe, expect, it } from 'vitest';
import { comparePair } from './compare-pair';
import { oppositeIn } from './opposites';
import { tokenizeForMatch } from './normalize';
import type { DifferenceKind, MatchRelation } from './types';

/**
 * Minimal pairs for the last reading of a link (change-audit.ts): one sentence told twice with
 * one slot changed. A contradiction must be surfaced: called `contradicts`, or linked with the
 * kinds given named (what the gold set counts as surfaced). Any other pair must get the relation
 * given (or no link) and name the kinds given; a `same` pair names only those.
 */
type Case = [string, string, MatchRelation | 'none', DifferenceKind[]];

const CASES: Case[] = [
  ['دخلت قوات الجيش بلدة السفيرة مساء الثلاثاء.', 'لم تدخل قوات الجيش بلدة السفيرة مساء الثلاثاء.', 'contradicts', ['polarity']],
  ['أكدت وزارة الصحة وصول الشحنة إلى مستشفى الشفاء.', 'نفت وزارة الصحة وصول الشحنة إلى مستشفى الشفاء.', 'contradicts', ['polarity']],
  ['أعيد فتح معبر نصيب أمام حركة الشاحنات يوم الأحد.', 'بقي معبر نصيب مغلقا أمام حركة الشاحنات يوم الأحد.', 'contradicts', ['polarity']],
  ['The convoy reached the besieged town on Monday.', 'The convoy did not reach the besieged town on Monday.', 'contradicts', ['polarity']],
  ['Police arrested the two suspects in Homs.', 'Police have not arrested the two suspects in Homs.', 'contradicts', ['polarity']],
  ['The ministry confirmed that the dam had collapsed.', 'The ministry denied that the dam had collapsed.', 'contradicts', ['polarity']],
  ['قصف الجيش مواقع للمعارضة في ريف إدلب.', 'قصفت المعارضة مواقع للجيش في ريف إدلب.', 'contradicts', ['entity']],
  ['هاجمت قوات الدعم السريع مدينة الأبيض فجر الجمعة.', 'هاجم الجيش السوداني مدينة الأبيض فجر الجمعة.', 'contradicts', ['entity']],
  ['Israeli troops raided the Balata camp overnight.', 'Palestinian security forces raided the Balata camp overnight.', 'contradicts', ['entity']],
  ['The Houthis attacked a cargo ship in the Red Sea on Tuesday.', 'The US Navy attacked a cargo ship in the Red Sea on Tuesday.', 'contradicts', ['entity']],
  ['وقعت الانفجارات صباح الأربعاء في ميناء اللاذقية.', 'وقعت الانفجارات مساء الخميس في ميناء اللاذقية.', 'contradicts', ['date']],
  ['انطلقت جولة المفاوضات في شباط الماضي.', 'انطلقت جولة المفاوضات في آذار الماضي.', 'contradicts', ['date']],
  ['عقد الاجتماع في مارس الماضي بالرياض.', 'عقد الاجتماع في أبريل الماضي بالرياض.', 'contradicts', ['date']],
  ['The ceasefire took effect on Sunday morning.', 'The ceasefire took effect on Sunday evening.', 'contradicts', ['date']],
  ['The vote was held in March.', 'The vote was held in May.', 'contradicts', ['date']],
  ['قتل 15 شخصا في الغارة، بحسب ما أفاد الهلال الأحمر.', 'قتل 15 شخصا في الغارة، بحسب ما أفادت وزارة الداخلية.', 'same', ['attribution']],
  ['قتل 15 شخصا في الغارة، وفق الدفاع المدني.', 'قتل 15 شخصا في الغارة، نقلا عن مصادر طبية.', 'same', ['attribution']],
  ['قال محافظ درعا إن 20 منزلا دمرت في القصف.', 'أكد المرصد السوري أن 20 منزلا دمرت في القصف.', 'same', ['attribution']],
  ['Fifteen people died in the raid, citing medics.', 'Fifteen people died in the raid, the interior ministry said.', 'same', ['attribution']],
  ['سيطرت الفصائل على جميع أحياء المدينة.', 'سيطرت الفصائل على بعض أحياء المدينة.', 'contradicts', ['quantifier']],
  ['نزح قرابة ألفي شخص من المخيم.', 'نزح أقل من ألفي شخص من المخيم.', 'same', ['quantifier']],
  ['The floods displaced about 3,000 families.', 'The floods displaced more than 3,000 families.', 'same', ['quantifier']],
  ['Most of the villages were evacuated.', 'All of the villages were evacuated.', 'contradicts', ['quantifier']],
  ['تضرر مئات المنازل جراء السيول.', 'تضرر 40 منزلا جراء السيول.', 'contradicts', ['quantifier']],
  ['قتل 25 مدنيا في القصف.', 'قتل خمسة وعشرون مدنيا في القصف.', 'same', []],
  ['أصيب ٤٣ شخصا في الحادث.', 'أصيب 43 شخصا في الحادث.', 'same', []],
  ['The blast wounded 1,250 people.', 'The blast wounded one thousand two hundred and fifty people.', 'same', []],
  ['وصل عدد النازحين إلى مليون ونصف.', 'وصل عدد النازحين إلى 1.5 مليون.', 'same', []],
  ['قتل 25 مدنيا في القصف.', 'قتل 52 مدنيا في القصف.', 'contradicts', ['number']],
  ['Aid reached 2.3 million people.', 'Aid reached 3.2 million people.', 'contradicts', ['number']],
  ['التقى وزير الخارجية البريطاني نظيره التركي في أنقرة.', 'التقى وزير خارجية المملكة المتحدة نظيره التركي في أنقرة.', 'same', []],
  ['سيطرت الفصائل على مطار حلب الدولي.', 'سيطرت الفصائل على مطار كويرس العسكري.', 'none', []],
  ['اجتاحت السيول مدينة درنة عام 2023.', 'اجتاحت السيول مدينة درنة يوم الثلاثاء.', 'none', []],
  ['أطلقت حماس سراح أربع رهائن.', 'أطلقت إسرائيل سراح أربع رهائن.', 'contradicts', ['entity']],
  ['انسحبت القوات الروسية من قاعدة حميميم.', 'عززت القوات الروسية وجودها في قاعدة حميميم.', 'contradicts', []],
  ['اعتقلت الشرطة ثلاثة متظاهرين أمس.', 'أفرجت الشرطة عن ثلاثة متظاهرين أمس.', 'contradicts', []],
  ['The government lifted the curfew on Friday.', 'The government imposed a curfew on Friday.', 'contradicts', []],
  ['لم يصب أحد في الحريق.', 'أصيب خمسة أشخاص في الحريق.', 'contradicts', []],
  ['No casualties were reported in the blast.', 'Three people were killed in the blast.', 'contradicts', []],
  ['وافق البرلمان على مشروع القانون بأغلبية كبيرة.', 'رفض البرلمان مشروع القانون بأغلبية كبيرة.', 'contradicts', []],
  ['The court upheld the sentence on Wednesday.', 'The court overturned the sentence on Wednesday.', 'contradicts', []],
  ['أعلنت هيئة تحرير الشام سيطرتها على مدينة معرة النعمان صباح الأحد.', 'نفت هيئة تحرير الشام سيطرتها على مدينة معرة النعمان صباح الأحد.', 'contradicts', ['polarity']],
  ['قالت مصادر محلية إن قوات النظام انسحبت من مدينة سراقب.', 'قالت مصادر محلية إن قوات النظام لم تنسحب من مدينة سراقب.', 'contradicts', ['polarity']],
  ['تمكنت فرق الإنقاذ من انتشال 12 ناجيا من تحت الأنقاض.', 'لم تتمكن فرق الإنقاذ من انتشال أي ناجين من تحت الأنقاض.', 'contradicts', ['polarity']],
  ['The health ministry said the hospital was still operating.', 'The health ministry said the hospital was no longer operating.', 'contradicts', ['polarity']],
  ['Negotiators reached an agreement on the prisoner exchange late on Tuesday.', 'Negotiators failed to reach an agreement on the prisoner exchange late on Tuesday.', 'contradicts', ['polarity']],
  ['The airport remained open to civilian flights.', 'The airport was closed to civilian flights.', 'contradicts', ['polarity']],
  ['قصفت الطائرات الروسية بلدة كفرنبل جنوب إدلب.', 'قصفت الطائرات التركية بلدة كفرنبل جنوب إدلب.', 'contradicts', ['entity']],
  ['اقتحم مستوطنون قرية ترمسعيا شمال رام الله.', 'اقتحم جنود إسرائيليون قرية ترمسعيا شمال رام الله.', 'contradicts', ['entity']],
  ['Kurdish-led forces captured the town of Manbij.', 'Turkish-backed factions captured the town of Manbij.', 'contradicts', ['entity']],
  ['The Sudanese army shelled the market in Omdurman.', 'The RSF shelled the market in Omdurman.', 'contradicts', ['entity']],
  ['وصل الوفد المصري إلى الدوحة مساء الأربعاء.', 'وصل الوفد المصري إلى الدوحة صباح الخميس.', 'contradicts', ['date']],
  ['بدأت الهدنة عند الساعة السادسة صباحا.', 'بدأت الهدنة عند الساعة السادسة مساء.', 'contradicts', ['date']],
  ['وقع الزلزال في أيلول الماضي.', 'وقع الزلزال في آب الماضي.', 'contradicts', ['date']],
  ['The explosion happened on Saturday afternoon.', 'The explosion happened on Sunday afternoon.', 'contradicts', ['date']],
  ['The protests began yesterday.', 'The protests began two days ago.', 'contradicts', ['date']],
  ['وقتل 9 أشخاص بينهم 4 أطفال، بحسب ما أفادت وزارة الصحة.', 'وقتل 9 أشخاص بينهم 4 أطفال، بحسب ما أفاد ناشطون.', 'same', ['attribution']],
  ['أصيب 30 شخصا في الانفجار، وفق ما نقلته وكالة الأنباء الرسمية.', 'أصيب 30 شخصا في الانفجار، حسب شهود عيان.', 'same', ['attribution']],
  ['Nine people were killed, according to the civil defence.', 'Nine people were killed, the army said.', 'same', ['attribution']],
  ['وقتل 9 أشخاص بينهم 4 أطفال.', 'وقتل 9 أشخاص بينهم 6 أطفال.', 'contradicts', ['number']],
  ['The storm destroyed about 400 homes.', 'The storm destroyed nearly 400 homes.', 'same', ['quantifier']],
  ['The storm destroyed 400 homes.', 'The storm destroyed four hundred homes.', 'same', []],
  ['دمرت العاصفة 400 منزل.', 'دمرت العاصفة أربعمئة منزل.', 'same', []],
  ['تجاوز عدد المهجرين ثلاثة ملايين.', 'تجاوز عدد المهجرين 3 ملايين.', 'same', []],
  ['شارك في الاقتراع نحو ثلث الناخبين.', 'شارك في الاقتراع أكثر من نصف الناخبين.', 'contradicts', ['quantifier']],
  ['Almost all of the shops were looted.', 'Some of the shops were looted.', 'contradicts', ['quantifier']],
  ['قتل عشرات المدنيين في الغارات.', 'قتل مئات المدنيين في الغارات.', 'contradicts', ['quantifier']],
  ['Dozens of families fled the camp.', 'Hundreds of families fled the camp.', 'contradicts', ['quantifier']],
  ['فتحت السلطات التركية معبر باب الهوى أمام العائدين.', 'أغلقت السلطات التركية معبر باب الهوى أمام العائدين.', 'contradicts', ['polarity']],
  ['The court acquitted the three journalists.', 'The court convicted the three journalists.', 'contradicts', ['polarity']],
  ['Prices of fuel rose sharply in Damascus.', 'Prices of fuel fell sharply in Damascus.', 'contradicts', ['polarity']],
  ['أفرجت السلطات عن الصحفي يوم الاثنين.', 'اعتقلت السلطات الصحفي يوم الاثنين.', 'contradicts', ['polarity']],
  ['سيطرت الفصائل على مطار النيرب العسكري.', 'سيطرت الفصائل على سجن حلب المركزي.', 'none', []],
  ['ضربت الفيضانات مدينة سبها عام 2019.', 'ضربت الفيضانات مدينة سبها يوم الجمعة.', 'none', []],
  ['استهدف الجيش الإسرائيلي مستشفى في غزة.', 'استهدف الجيش الإسرائيلي مدرسة في غزة.', 'none', []],
  ['وقتل 9 أشخاص بينهم 4 أطفال.', 'وقتل تسعة أشخاص بينهم أربعة أطفال.', 'same', []],
  ['The UN envoy met the foreign minister in Damascus.', 'The UN envoy met the foreign minister in Damascus.', 'same', []],
  // found by a reader who tried to break the engine
  ['قالت الحكومة إنها التزمت بصرف الرواتب في موعدها.', 'قالت الحكومة إنها ما التزمت بصرف الرواتب في موعدها.', 'contradicts', ['polarity']],
  ['وما أعلن الجيش عن أي خسائر في صفوفه.', 'وأعلن الجيش عن خسائر في صفوفه.', 'contradicts', ['polarity']],
  ['ما زار الوفد مدينة حلب يوم الأحد.', 'زار الوفد مدينة حلب يوم الأحد.', 'contradicts', ['polarity']],
  ['None of the passengers came from Sudan.', 'All of the passengers came from Sudan.', 'contradicts', []],
  ['وقال الناطق باسم الحوثيين إن الهجوم استهدف سفينة تجارية.', 'وقال الناطق باسم التحالف إن الهجوم استهدف سفينة تجارية.', 'same', ['attribution']],
  ['وتمكن الفريق الطبي من دخول المستشفى صباح الخميس.', 'وتعذر على الفريق الطبي دخول المستشفى صباح الخميس.', 'contradicts', ['polarity']],
  ['أطلقت الشرطة سراح 17 ناشطا مساء الاثنين.', 'رفضت الشرطة إطلاق سراح 17 ناشطا مساء الاثنين.', 'contradicts', ['polarity']],
  ['رحبت طهران بالخطوة السعودية.', 'انتقدت طهران الخطوة السعودية.', 'contradicts', ['polarity']],
  ['قرر البنك المركزي رفع سعر الفائدة.', 'قرر البنك المركزي تثبيت سعر الفائدة.', 'contradicts', ['polarity']],
  ['تراجع الجنيه أمام الدولار في تعاملات الأحد.', 'تحسن الجنيه أمام الدولار في تعاملات الأحد.', 'contradicts', ['polarity']],
  ['استأنفت مصر للطيران رحلاتها إلى بيروت.', 'علقت مصر للطيران رحلاتها إلى بيروت.', 'contradicts', ['polarity']],
  ['قتل 12 شخصا، بحسب وزارة الدفاع الأوكرانية.', 'قتل 12 شخصا، بحسب وزارة الدفاع الروسية.', 'same', ['attribution']],
  ['Twelve soldiers were killed, Pakistan\'s military said.', 'Twelve soldiers were killed, India\'s army said.', 'same', ['attribution']],
  ['The blast happened at 3 a.m. on Wednesday.', 'The blast happened at 3 p.m. on Wednesday.', 'contradicts', ['date']],
  ['أصيب عشرون شخصا على الأقل في الحادث.', 'أصيب عشرون شخصا في الحادث.', 'same', ['quantifier']],
  ['اجتمع الوزراء في حمص عام 2016.', 'اجتمع الوزراء في حمص هذا الأسبوع.', 'none', []],
  ['Protesters gathered in Colombo in July 2022.', 'Protesters gathered in Colombo this week.', 'none', []],
  ['In March 2024, five people were killed when a parachute failed to open over Gaza City.', 'The health ministry said five people had died of hunger in Gaza over the past day.', 'none', []],
  ['وكان موسم العام الماضي قد شهد وفاة أكثر من ألف حاج بسبب الحر.', 'ولم تسجل أي حالات وفاة بين الحجاج بسبب الحر هذا الأسبوع.', 'none', []],
  ['قصفت المدفعية الإسرائيلية بلدة الخيام في جنوب لبنان ليل الأحد.', 'قصف حزب الله بلدة الخيام في جنوب لبنان ليل الأحد.', 'contradicts', ['entity']],
  ['وجرت عملية التسليم في معبر بيتونيا مساء الأحد.', 'وجرت عملية التسليم في معبر كرم أبو سالم مساء الأحد.', 'contradicts', ['entity']],
  ['Trucks crossed at the Nassib crossing on Monday.', 'Trucks crossed at the Jaber crossing on Monday.', 'contradicts', ['entity']],
  ['وصل الوفد إلى مدينة القامشلي.', 'وصل الوفد إلى مدينة الحسكة.', 'contradicts', ['entity']],
  // found by a second reader who tried to break the engine
  ['وقالت المحكمة إن الحكم نهائي في شقه المدني.', 'وقالت المحكمة إن الحكم غير نهائي في شقه المدني.', 'contradicts', ['polarity']],
  ['وقع التدافع قبل انطلاق المباراة بساعة.', 'وقع التدافع بعد نهاية المباراة بساعة.', 'contradicts', ['date']],
  ['توقف آخر معمل للإسمنت في المدينة عن العمل.', 'يواصل آخر معمل للإسمنت في المدينة العمل.', 'contradicts', ['polarity']],
  ['فشلت الشركتان في التوصل إلى تسوية.', 'توصلت الشركتان إلى تسوية.', 'contradicts', ['polarity']],
  ['The unions called off the general strike planned for Monday.', 'The general strike planned for Monday will go ahead, the unions said.', 'contradicts', ['polarity']],
  ['The federation postponed all weekend matches.', 'All weekend matches will go ahead as planned, the federation said.', 'contradicts', ['polarity']],
  ['Greek coast guard vessels rescued 42 migrants.', 'Turkish coast guard vessels rescued 42 migrants.', 'contradicts', ['entity']],
  ['بلغ الإنتاج 2.5 مليون برميل يوميا.', 'بلغ الإنتاج مليونين ونصف مليون برميل يوميا.', 'same', []],
  ['Inflation rose to 4 per cent in March.', 'Inflation rose to four per cent in March.', 'same', []],
  ['It said essential services had continued without interruption.', 'The interior ministry said essential services had been disrupted in several regions.', 'contradicts', ['polarity']],
  ['وأكد المتحدث باسم المنظمة أن العيادات الأخرى ستبقى مفتوحة.', 'وأكد المتحدث باسم المنظمة أن العيادات الأخرى ستغلق الشهر المقبل.', 'contradicts', ['polarity']],
  // sources in more forms: whom it was told to, «نقلت X عن Y», «بحسب ما أعلنه X», «على حد قول X»
  ['Twelve people were killed, a hospital official told Reuters.', 'Twelve people were killed, a police officer told AFP.', 'same', ['attribution']],
  ['ونقلت وكالة الأناضول عن شهود أن القافلة استهدفت مرتين.', 'ونقلت رويترز عن مسؤول عسكري أن القافلة استهدفت مرتين.', 'same', ['attribution']],
  ['وبحسب ما أعلنه الدفاع المدني، فإن القافلة استهدفت مرتين.', 'وبحسب ما أعلنه الهلال الأحمر، فإن القافلة استهدفت مرتين.', 'same', ['attribution']],
  ['استهدفت القافلة مرتين، على حد قول شهود.', 'استهدفت القافلة مرتين، على حد تعبير مسؤول عسكري.', 'same', ['attribution']],
  // sources before their verb: a fronted subject, an opener, whom it was said to
  ['وقالت النقابة إن المخابز ستغلق يوم الأحد.', 'أما الوزارة فقالت إن المخابز ستغلق يوم الأحد.', 'same', ['attribution']],
  ['وأكد الوزير أن سعر الربطة سيبقى 400 ليرة.', 'غير أن أصحاب أفران قالوا لموقعنا إن سعر الربطة سيبقى 400 ليرة.', 'same', ['attribution']],
  // a feminine dual is a count of two; held is the opposite of released
  ['أسقطت الدفاعات الجوية ثلاث طائرات مسيرة فوق دمشق، بحسب مصدر عسكري.', 'أسقطت الدفاعات الجوية طائرتين مسيرتين فوق دمشق، بحسب مصدر عسكري.', 'contradicts', ['number']],
  ['أفرجت السلطات عن الصحفية بعد احتجازها ثلاثة أسابيع.', 'ما زالت الصحفية محتجزة لدى السلطات منذ ثلاثة أسابيع.', 'contradicts', ['polarity']],
  ['Hospital officials said at least 30 people were killed in the blast.', 'At least thirty people were killed in the explosion, hospital officials said.', 'same', []],
  ['The UN envoy said both sides had accepted the truce.', 'The UN envoy said only one side had accepted the truce.', 'contradicts', ['number']],
  // a name one list adds
  ['خرج الآلاف إلى شوارع بورتسودان والقضارف احتفالا بالخبر.', 'خرج الآلاف إلى شوارع بورتسودان والقضارف وكسلا احتفالا بالخبر.', 'same', ['entity']],
  ['Russia said it downed 30 drones over the Bryansk region.', 'Russia said it downed 30 drones over the Bryansk and Kursk regions.', 'same', ['entity']],
  ['France, Germany and Italy condemned the strike.', 'Germany, Italy and France condemned the strike.', 'same', []],
  // times on the clock
  ['The explosion happened at 3 p.m. on Monday.', 'The explosion happened at 5 p.m. on Monday.', 'contradicts', ['date']],
  ['وقع الانفجار عند الساعة 3:15 فجرا.', 'وقع الانفجار عند الساعة 5:40 فجرا.', 'contradicts', ['date']],
  ['The explosion happened at 15:00 local time.', 'The explosion happened at 3 p.m. local time.', 'same', []],
  // a day of a month as written, with no year or publication date to resolve it
  ['The talks began on 3 December.', 'The talks began on December 5.', 'contradicts', ['date']],
  ['بدأت المحادثات في الثالث من كانون الأول.', 'بدأت المحادثات في 5 ديسمبر.', 'contradicts', ['date']],
  ['جرت الانتخابات في كانون الأول 2023.', 'جرت الانتخابات في ديسمبر 2023.', 'same', []],
  // a fraction of a scale word, a fraction and its percentage
  ['بلغت الخسائر ربع مليار دولار.', 'بلغت الخسائر 250 مليون دولار.', 'same', []],
  ['Turnout was a third of registered voters.', 'Turnout was 33 percent of registered voters.', 'same', []],
  ['نزح مليونان ونصف المليون شخص منذ بدء الحرب.', 'نزح 2.5 مليون شخص منذ بدء الحرب.', 'same', []],
  // when the source spoke: another day, named, though the fact may be one
  ['أعلنت وزارة الصحة يوم الخميس مقتل 27 شخصا في غارة على مدرسة.', 'أعلنت وزارة الصحة يوم الجمعة مقتل 27 شخصا في غارة على مدرسة.', 'same', ['date']],
  // ranks, percentages and how often
  ['The government opened a fourth border crossing with Lebanon on Sunday.', 'A third border crossing with Lebanon had been opened on Sunday, the government said.', 'contradicts', ['number']],
  ['The ministry put turnout at less than 30 per cent.', 'The union put turnout at ninety per cent.', 'contradicts', ['number']],
  ['The monitor said Russian jets carried out more than 100 strikes on Idlib and Hama on Monday.', 'The monitor said Russian jets struck Idlib and Hama about 80 times on Monday.', 'contradicts', ['number']],
  ['Rebels control a third of the villages in the district.', 'Rebels control most of the villages in the district.', 'contradicts', ['quantifier']],
  // negations in other forms: «من دون», «بلا», «عدم» after a verb of saying, "nobody", "has yet to"
  ['سقطت قذيفة على المدرسة من دون وقوع إصابات.', 'سقطت قذيفة على المدرسة ما أدى إلى إصابة طالبين.', 'contradicts', ['polarity']],
  ['انتهى الاجتماع بلا اتفاق على موعد الانتخابات.', 'انتهى الاجتماع باتفاق على موعد الانتخابات.', 'contradicts', ['polarity']],
  ['أكد الوزير عدم وجود نقص في الطحين.', 'أكد الوزير وجود نقص في الطحين.', 'contradicts', ['polarity']],
  ['The police said nobody was arrested during the march.', 'The police said several people were arrested during the march.', 'contradicts', ['polarity']],
  ['The army has yet to enter the town.', 'The army entered the town.', 'contradicts', ['polarity']],
  ['أكد المتحدث أن المفاوضات استؤنفت.', 'قال المتحدث إن الأنباء عن استئناف المفاوضات غير صحيحة.', 'contradicts', ['polarity']],
  // …and «دون» that negates nothing that happened
  ['وقال الوزير إن وزن الربطة سيبقى دون تغيير.', 'وقال الوزير إن وزن الربطة سيبقى كما هو.', 'same', []],
  ['وأعلنت الوزارة مقتل 12 شخصا في الفيضانات دون أن تحدد مكانهم.', 'وأعلنت الوزارة مقتل 12 شخصا في الفيضانات.', 'same', []],
  // more opposite predicates
  ['All 12 miners survived the collapse, the company said.', 'All 12 miners were killed in the collapse, the company said.', 'contradicts', ['polarity']],
  ['The march through the capital was peaceful, police said.', 'The march through the capital was violent, police said.', 'contradicts', ['polarity']],
  ['بقي الجسر سليما بعد القصف، وفق البلدية.', 'دمر الجسر بعد القصف، وفق البلدية.', 'contradicts', ['polarity']],
  ['وصل الوفد المصري إلى تل أبيب مساء الأحد.', 'غادر الوفد المصري تل أبيب مساء الأحد.', 'contradicts', ['polarity']],
  ['The opposition accepted the invitation to the talks.', 'The opposition declined the invitation to the talks.', 'contradicts', ['polarity']],
  ['The ceasefire collapsed on Sunday.', 'The ceasefire held on Sunday.', 'contradicts', ['polarity']],
  ['وقال مسؤول إن العفو لا يشمل المعتقلين السياسيين.', 'وقال مسؤول إن المعتقلين السياسيين مشمولون بالعفو.', 'contradicts', ['polarity']],
  ['The agency said its funding was no longer sufficient to support returnees.', 'The agency said it still had enough funding to support returnees.', 'contradicts', ['polarity']],
  // another doer of the same act, at the head of both sentences
  ['Fishermen rescued 31 migrants off the coast of Zarzis.', 'The Tunisian navy rescued 31 migrants off the coast of Zarzis.', 'contradicts', ['entity']],
  ['أغلق محتجون من أبناء القبائل ميناء الزويتينة صباح الأحد.', 'أغلقت قوات موالية للحكومة ميناء الزويتينة صباح الأحد.', 'contradicts', ['entity']],
  ['أنقذ صيادون 14 مهاجرا قبالة سواحل صفاقس.', 'أنقذ خفر السواحل التونسي 14 مهاجرا قبالة سواحل صفاقس.', 'contradicts', ['entity']],
  ['Ukrainian forces shot down 40 Russian drones.', 'Russian forces shot down 40 Ukrainian drones.', 'contradicts', ['entity']],
  ['Israeli jets struck a building near the border overnight.', 'Hezbollah drones struck a building near the border overnight.', 'contradicts', ['entity']],
  // …and one doer described two ways
  ['The army reopened the road to the airport on Friday.', 'Government troops reopened the road to the airport on Friday.', 'same', []],
  ['وسيطرت القوات على مقر الفرقة الأولى في المدينة.', 'وسيطر الجيش على مقر الفرقة الأولى في المدينة.', 'same', []],
  ['The president ordered the army to set up field hospitals.', 'The president ordered the armed forces to set up field hospitals.', 'same', []],
];

const compare = comparePair;

describe('every changed slot of a linked pair is named', () => {
  it.each(CASES)('%s ~ %s: %s', (a, b, relation, kinds) => {
    const match = compare(a, b).matches[0];
    const named = new Set((match?.differences ?? []).filter((d) => d.kind !== 'wording').map((d) => d.kind));
    if (relation === 'contradicts' && match?.relation !== 'contradicts') {
      expect(match).toBeDefined();
      expect(kinds.length).toBeGreaterThan(0);
    } else {
      expect(match?.relation ?? 'none').toBe(relation);
    }
    for (const kind of kinds) expect(named).toContain(kind);
    if (relation === 'same') expect([...named].sort()).toEqual([...new Set(kinds)].sort());
  });

  it('names the changed count in full', () => {
    const match = compare('وقدرت المؤسسة الخسائر بنحو 20 مليون دولار يوميا.', 'وقدرت المؤسسة الخسائر بنحو 50 مليون دولار يوميا.').matches[0];
    expect(match?.differences).toContainEqual(expect.objectContaining({ kind: 'number', a: expect.stringContaining('20 مليون'), b: expect.stringContaining('50 مليون') }));
  });

  it('reads a list in another order as the same list, and swapped roles as a contradiction', () => {
    expect(compare('France and Germany condemned the attack on the convoy.', 'Germany and France condemned the attack on the convoy.').matches[0]?.relation).toBe('same');
    for (const [a, b] of [
      ['The militia attacked a checkpoint of the border guard overnight.', 'The border guard attacked a checkpoint of the militia overnight.'],
      ['قالت الشرطة إن قوات الحرس هاجمت مقرا للكتيبة في المدينة.', 'قالت الشرطة إن قوات الكتيبة هاجمت مقرا للحرس في المدينة.'],
    ]) {
      const swap = compare(a!, b!).matches[0];
      expect(swap?.relation).toBe('contradicts');
      expect(swap?.differences).toContainEqual(expect.objectContaining({ kind: 'entity' }));
    }
  });
});

describe('what makes two claims one fact', () => {
  it('is more than names in common: an arrest and a release are two facts', () => {
    const match = compare('Security forces arrested 20 protesters in Basra on Sunday.', 'Security forces released 20 protesters in Basra on Sunday.').matches[0];
    expect(match?.relation ?? 'none').not.toBe('same');
  });
  it('reads a quantifier for the set it quantifies, not the verb after it', () => {
    const match = compare('Most of the parcels landed in open areas near Zikim.', 'Some of the bundles landed in the sea.').matches[0];
    expect(match?.relation ?? 'none').not.toBe('same');
    expect(compare('سيطرت الفصائل على كل الأحياء.', 'سيطرت الفصائل على معظم أحياء المدينة.').matches[0]?.relation).not.toBeUndefined();
  });
});

describe('counts on a loose link', () => {
  it('contradict when they count one thing on one day', () => {
    const match = compare('Only 73 trucks entered Gaza on Thursday, according to UN data.', 'About 220 trucks crossed into Gaza on Thursday, UN figures showed.').matches[0];
    expect(match?.relation).toBe('contradicts');
  });
  it('do not when they count other things: the pilgrims who died, the pilgrims who came', () => {
    const match = compare('The Jordanian foreign ministry said fourteen Jordanian pilgrims had died of heatstroke.', 'Saudi officials counted 1.6 million pilgrims at Arafat on Saturday, up from last year.').matches[0];
    expect(match?.relation ?? 'none').not.toBe('contradicts');
  });
});

describe('a negation on a loose link', () => {
  it('contradicts when it governs what the other claim asserts', () => {
    const match = compare('ولم ينسحب الجيش من المخيم حتى ساعات المساء رغم الاشتباكات.', 'وانسحبت القوات الإسرائيلية من المخيم ظهر الخميس بعد اشتباكات.').matches[0];
    expect(match?.relation).toBe('contradicts');
    expect(match?.differences).toContainEqual(expect.objectContaining({ kind: 'polarity' }));
  });
  it('does not when it governs something else: what a source did not say is no denial of the fact', () => {
    const match = compare('The ministry did not say how many of the cases were children.', 'Most of the new cases were recorded in the Jebel Awlia and Omdurman localities.').matches[0];
    expect(match?.relation ?? 'none').not.toBe('contradicts');
  });
});

describe('opposite predicates', () => {
  const words = (text: string, language = 'ar') => tokenizeForMatch(text, language);
  it('finds the opposition in either order and either language', () => {
    expect(oppositeIn(words('أعيد فتح'), words('مغلقا'))).toBe('open ≠ closed');
    expect(oppositeIn(words('وافق'), words('رفض'))).toBe('approved ≠ rejected');
    expect(oppositeIn(words('overturned', 'en'), words('upheld', 'en'))).toBe('approved ≠ rejected');
  });
  it('says nothing of two words at the same pole, or of unrelated words', () => {
    expect(oppositeIn(words('اعتقلت'), words('احتجزت'))).toBeNull();
    expect(oppositeIn(words('the market', 'en'), words('the school', 'en'))).toBeNull();
  });
});
