import { foldArabicScript } from './arabic';

/** How much of a set a claim speaks of. "all neighbourhoods" and "most neighbourhoods" are different facts. */
export type QuantifierClass = 'all' | 'most' | 'some';

const WORDS: Record<QuantifierClass, string> = {
  all: 'كل كافة جميع كامل كاملة كامل بأكمله بأكملها بأسره بأسرها برمته برمتها كله كلها كلهم all every entire whole each fully completely',
  most: 'معظم أغلب أغلبية غالبية أكثرية جل most majority mostly largely',
  some: 'بعض عدة جزء أجزاء some several few part parts partly partially',
};

const CLASS_OF = new Map<string, QuantifierClass>();
for (const [cls, list] of Object.entries(WORDS) as [QuantifierClass, string][]) {
  for (const word of list.split(' ')) CLASS_OF.set(foldArabicScript(word.toLowerCase()), cls);
}

/** Quantifiers written after their noun: «المحافظة كلها», "the city entire" is not English but «بأكملها» is Arabic. */
const POSTPOSED = new Set(['كله', 'كلها', 'كلهم', 'باكمله', 'باكملها', 'باسره', 'باسرها', 'برمته', 'برمتها'].map((w) => foldArabicScript(w)));

export function quantifierClass(bare: string, folded: string): QuantifierClass | null {
  const direct = CLASS_OF.get(folded) ?? CLASS_OF.get(bare);
  if (direct !== undefined) return direct;
  // «معظمهم», «جميعها», «أغلبهم»: the quantifier with its pronoun.
  const stem = /^(معظم|جميع|اغلب|اغلبيه|غالبيه|بعض|كاف)(هم|ها|هن|هما|ه)$/.exec(bare);
  return stem === null ? null : (CLASS_OF.get(stem[1] === 'كاف' ? 'كافه' : stem[1]!) ?? null);
}

export function isPostposedQuantifier(folded: string): boolean {
  return POSTPOSED.has(folded);
}
