/**
 * Words that recur in most conflict and politics reports: "forces seized", "the city", "said".
 * Two claims that share only these share a frame, not a fact ("factions seized the palace" vs
 * "factions seized the prison"), so they weigh little and never anchor a `same` match on their own.
 * Inverse document frequency learns the same thing on long reports; this list covers short ones.
 */
export const FRAME_WORDS = `
سيطر سيطرت سيطرة السيطرة يسيطر تسيطر قوات القوات قوة فصائل فصيل الفصائل معارضة المعارضة معارض المعارضين مسلحة مسلح مسلحين
نظام النظام حكومة الحكومة حكومي الحكومية جيش الجيش مدينة المدينة مدن منطقة المنطقة مناطق محافظة المحافظة ريف موقع مواقع
قال قالت أعلن أعلنت أكد أكدت أفاد أفادت ذكر ذكرت أضاف أضافت أشار أشارت أوضح صرح هجوم هجمات اشتباكات اشتباك مقاتلين مقاتل
عسكري عسكرية دولة الدولة دول الدول رئيس شخص أشخاص جديد جديدة مصادر مصدر تقارير تقرير مسؤول مسؤولون سوريا السوري السورية
seize seized seizing control controlled force forces faction factions rebel rebels opposition regime government army military
city town area areas region province site sites say said says announce announced report reported attack attacks fighter
fighters armed country countries state states people official officials new group groups source sources take took
`;
