import { describe, expect, it } from 'vitest';
import { ingest } from './ingest';
import { parseReport } from './parse-report';
import type { ExcludedReason, ParsedReport, ReportText } from './types';

function report(text: string, language = 'ar', extra: Partial<ReportText> = {}): ReportText {
  return { id: 'r', outlet: 'Test', title: '', text, publishedAt: null, language, ...extra };
}

function claimsOf(text: string, language = 'ar', extra: Partial<ReportText> = {}): string[] {
  const parsed = parseReport(report(text, language, extra));
  expectExactClaims(parsed);
  return parsed.claims.map((c) => c.text);
}

function expectExactClaims(parsed: ParsedReport): void {
  for (const claim of parsed.claims) expect(parsed.report.text.slice(claim.start, claim.end)).toBe(claim.text);
}

/** The excluded parts of `text`, as written, with their reasons. */
function excluded(text: string): Array<[string, ExcludedReason]> {
  return ingest(text, '').blocks.flatMap((b) => (b.kind === 'excluded' ? [[text.slice(b.start, b.end), b.reason] as [string, ExcludedReason]] : []));
}

const AR_1 = 'سيطرت فصائل المعارضة على سجن حلب المركزي صباح الاثنين.';
const AR_2 = 'وأطلقت الفصائل سراح مئات المعتقلين من السجن.';
const AR_3 = 'وقال المرصد السوري إن الاشتباكات استمرت حتى المساء.';
const EN_1 = 'Rebels seized the central prison in Aleppo on Monday morning.';
const EN_2 = 'They freed hundreds of detainees, the monitor said.';
const EN_3 = 'Fighting went on until the evening, residents said.';

describe('a «Read also» teaser in the middle of an article', () => {
  it('removes only itself when the marker stands alone and the teaser title follows in its own paragraph', () => {
    for (const marker of ['اقرأ أيضاً', 'إقرأ أيضا', 'اقرأ أيضا:', 'إقرأ أيضاً:']) {
      const text = [AR_1, marker, 'المعارضة تسيطر على مطار حلب الدولي', AR_2, AR_3].join('\n\n');
      expect(claimsOf(text)).toEqual([AR_1, AR_2, AR_3]);
      expect(excluded(text)).toEqual([
        [marker, 'read-also'],
        ['المعارضة تسيطر على مطار حلب الدولي', 'read-also'],
      ]);
    }
  });

  it('removes only itself when the marker and the teaser title share a paragraph', () => {
    const text = [AR_1, 'اقرأ أيضاً:\nالمعارضة تسيطر على مطار حلب الدولي', AR_2, AR_3].join('\n\n');
    expect(claimsOf(text)).toEqual([AR_1, AR_2, AR_3]);
    const inline = [AR_1, 'اقرأ أيضاً: المعارضة تسيطر على مطار حلب الدولي', AR_2, AR_3].join('\n\n');
    expect(claimsOf(inline)).toEqual([AR_1, AR_2, AR_3]);
  });

  it('removes a list of teaser titles and nothing after it', () => {
    const text = [AR_1, 'اقرأ أيضا', '• المعارضة تسيطر على مطار حلب\n• الجيش ينسحب من ريف إدلب', AR_2, AR_3].join('\n\n');
    expect(claimsOf(text)).toEqual([AR_1, AR_2, AR_3]);
  });

  it('does the same in English: "Also Read", "Read more", "Related:"', () => {
    for (const teaser of [
      'Also Read\n\nRebels take Aleppo airport',
      'ALSO READ: Rebels take Aleppo airport',
      'Read more:\n\nRebels take Aleppo airport',
      'Read more: Rebels take Aleppo airport',
      'Related:\n\nRebels take Aleppo airport',
      'Related: Rebels take Aleppo airport',
      'RELATED: Rebels take Aleppo airport',
    ]) {
      const text = [EN_1, teaser, EN_2, EN_3].join('\n\n');
      expect(claimsOf(text, 'en')).toEqual([EN_1, EN_2, EN_3]);
    }
  });

  it('keeps the article going after a teaser about the same city', () => {
    const next = 'Fighting in Aleppo went on until the evening, residents said.';
    const text = [EN_1, 'Read also:', 'Rebels take Aleppo airport', next, EN_2].join('\n\n');
    expect(claimsOf(text, 'en')).toEqual([EN_1, next, EN_2]);
  });

  it('sets apart the teased article itself when it follows its title', () => {
    const text = [EN_1, EN_2, 'Read also:', "Germany's foreign minister visits Damascus", 'The German foreign minister met the new leadership in Damascus on Friday.', 'Source: Levant Wire'].join('\n\n');
    expect(claimsOf(text, 'en')).toEqual([EN_1, EN_2]);
    const arabic = [AR_1, AR_2, 'اقرأ أيضاً', 'وزيرة الخارجية الألمانية تزور دمشق', 'وصلت وزيرة الخارجية الألمانية إلى دمشق الجمعة في أول زيارة.', 'واجتمعت مع قائد الإدارة الجديدة.'].join('\n\n');
    expect(claimsOf(arabic)).toEqual([AR_1, AR_2]);
  });

  it('still sets apart a whole article that follows the marker after the report has ended', () => {
    const text = [AR_1, AR_2, 'المصدر: الحرة', 'إقرأ أيضاً:', 'وزيرة الخارجية الألمانية في دمشق', 'وصلت وزيرة الخارجية الألمانية إلى دمشق الجمعة.', 'واجتمعت مع قائد الإدارة الجديدة.'].join('\n\n');
    expect(claimsOf(text)).toEqual([AR_1, AR_2]);
  });
});

describe('a headline followed by a single newline', () => {
  it('ends at its line, in Arabic', () => {
    const text = `المعارضة السورية تسيطر على سجن حلب المركزي\n${AR_1} ${AR_2}\n\n${AR_3}`;
    const parsed = parseReport(report(text));
    expect(parsed.title).toBe('المعارضة السورية تسيطر على سجن حلب المركزي');
    expect(parsed.blocks[0]).toEqual({ kind: 'headline', start: 0, end: 'المعارضة السورية تسيطر على سجن حلب المركزي'.length });
    expect(parsed.claims.map((c) => c.text)).toEqual([AR_1, AR_2, AR_3]);
    expectExactClaims(parsed);
  });

  it('ends at its line, in English, also with CRLF line ends', () => {
    for (const newline of ['\n', '\r\n']) {
      const text = `Rebels seize Aleppo central prison${newline}${EN_1} ${EN_2}${newline}${newline}${EN_3}`;
      const parsed = parseReport(report(text, 'en'));
      expect(parsed.title).toBe('Rebels seize Aleppo central prison');
      expect(parsed.claims.map((c) => c.text)).toEqual([EN_1, EN_2, EN_3]);
      expectExactClaims(parsed);
    }
  });

  it('ends at its line when it equals the metadata title, even with a final mark', () => {
    const title = 'Rebels seize Aleppo central prison: monitor';
    const parsed = parseReport(report(`${title}\n${EN_1}`, 'en', { title }));
    expect(parsed.blocks[0]?.kind).toBe('headline');
    expect(parsed.claims.map((c) => c.text)).toEqual([EN_1]);
  });

  it('ends at its line when it asks a question', () => {
    for (const newline of ['\n', '\n\n']) {
      const parsed = parseReport(report(`Who holds Aleppo now?${newline}${EN_1} ${EN_2}`, 'en'));
      expect(parsed.title).toBe('Who holds Aleppo now?');
      expect(parsed.claims.map((c) => c.text)).toEqual([EN_1, EN_2]);
    }
  });

  it('sets a section heading followed by a single newline apart from its first claim', () => {
    const text = `${AR_1}\n\nالمعارضة تتقدّم\n${AR_2} ${AR_3}`;
    const parsed = parseReport(report(text));
    expect(parsed.claims.map((c) => c.text)).toEqual([AR_1, AR_2, AR_3]);
    expect(parsed.claims[1]?.section).toBe('المعارضة تتقدّم');
  });

  it('keeps hard-wrapped prose whole', () => {
    const english = 'Armed factions seized the presidential guest palace in Aleppo\non Sunday, opposition websites said, publishing footage of\nfighters walking through its halls.';
    expect(claimsOf(english, 'en')).toEqual([english]);
    const arabic = 'سيطرت فصائل مسلحة، الأحد، على قصر الضيافة الرئاسي في مدينة\nحلب، بحسب ما أظهرت لقطات نشرتها مواقع معارضة للنظام على\nمواقع التواصل الاجتماعي.';
    expect(claimsOf(arabic)).toEqual([arabic]);
  });
});

describe('site chrome', () => {
  const arabicChrome: Array<[string, ExcludedReason]> = [
    ['التعليقات مغلقة', 'site-chrome'],
    ['التعليقات مغلقة.', 'site-chrome'],
    ['أضف تعليقك', 'site-chrome'],
    ['يستخدم هذا الموقع ملفات تعريف الارتباط (الكوكيز) لتحسين تجربتك. بمواصلة التصفح فإنك توافق على ذلك.', 'site-chrome'],
    ['نستخدم ملفات تعريف الارتباط لتقديم أفضل تجربة ممكنة على موقعنا.\nموافق', 'site-chrome'],
    ['اشترك في النشرة البريدية', 'site-chrome'],
    ['اشترك في نشرتنا البريدية ليصلك أهم الأخبار يوميا', 'site-chrome'],
    ['جميع الحقوق محفوظة © 2024 شبكة الأخبار', 'site-chrome'],
    ['© 2024 شبكة الأخبار. جميع الحقوق محفوظة', 'site-chrome'],
    ['كتب: محرر الشؤون العربية', 'byline'],
    ['بقلم محرر الشؤون السياسية', 'byline'],
    ['تحرير: محرر الديسك', 'byline'],
    ['شارك', 'site-chrome'],
    ['مشاركة عبر واتساب', 'site-chrome'],
    ['شارك على فيسبوك\nشارك على تويتر\nواتساب', 'site-chrome'],
    ['تابعونا على فيسبوك وتويتر', 'site-chrome'],
    ['تابعونا على قناتنا في تلغرام', 'site-chrome'],
    ['المزيد من الأخبار', 'related-links'],
    ['(صورة: أرشيفية)', 'byline'],
    ['الصورة: رويترز', 'byline'],
    ['حمل تطبيق الأخبار الآن', 'site-chrome'],
    ['لمزيد من الأخبار تابعونا على صفحتنا', 'site-chrome'],
    ['هل أعجبك المقال؟', 'site-chrome'],
    ['شاركه مع أصدقائك', 'site-chrome'],
    ['This story has been updated.', 'site-chrome'],
    ['Want more stories like this? Follow us', 'site-chrome'],
    ['Image caption, Soldiers on the bridge', 'site-chrome'],
    ['Listen to this article', 'site-chrome'],
    ['Continue reading the main story', 'site-chrome'],
    ['Watch: the moment troops entered the town', 'site-chrome'],
    ["Opinions expressed are the author's own.", 'site-chrome'],
    ['التعليقات مغلقة على هذا الخبر', 'site-chrome'],
    ['تم إغلاق التعليقات', 'site-chrome'],
    ['نحن نستخدم ملفات تعريف الارتباط لتحسين تجربتك.', 'site-chrome'],
    ['من خلال استخدامك لهذا الموقع، فإنك توافق على استخدام ملفات تعريف الارتباط.', 'site-chrome'],
    ['سجّل في النشرة البريدية', 'site-chrome'],
    ['اشترك ليصلك كل جديد', 'site-chrome'],
    ['حقوق النشر © 2025 وكالة الأفق', 'site-chrome'],
    ['بواسطة محرر الأخبار', 'byline'],
    ['انشر على فيسبوك', 'site-chrome'],
    ['تم نسخ الرابط', 'site-chrome'],
    ['حمّل التطبيق', 'site-chrome'],
    ['إعلان', 'advertisement'],
  ];
  const englishChrome: Array<[string, ExcludedReason]> = [
    ['Comments are closed.', 'site-chrome'],
    ['Add your comment', 'site-chrome'],
    ['We use cookies to improve your experience on our website. By continuing to browse, you agree to our use of cookies.', 'site-chrome'],
    ['This website uses cookies.\nAccept all\nReject all', 'site-chrome'],
    ['Sign up for our newsletter', 'site-chrome'],
    ['Subscribe to our daily newsletter to get the latest news in your inbox.', 'site-chrome'],
    ['© 2024 Northern Wire. All rights reserved.', 'site-chrome'],
    ['Copyright 2024 Levant Wire Ltd. All Rights Reserved', 'site-chrome'],
    ['By Desk Editor', 'byline'],
    ['By Night Editor and Desk Editor, Northern Wire', 'byline'],
    ['Reporting by Desk Editor; Editing by Night Editor', 'byline'],
    ['(Additional reporting by the Beirut bureau; Writing by Desk Editor; Editing by Night Editor)', 'byline'],
    ['Share on Facebook', 'site-chrome'],
    ['Share this article', 'site-chrome'],
    ['Share\nTweet\nWhatsApp\nEmail', 'site-chrome'],
    ['Facebook | Twitter | WhatsApp', 'site-chrome'],
    ['Advertisement', 'advertisement'],
    ['ADVERTISEMENT', 'advertisement'],
    ['Follow us on Twitter and Instagram', 'site-chrome'],
    ['More news', 'related-links'],
    ['(Photo: Reuters)', 'byline'],
    ['Photo: AFP via Getty Images', 'byline'],
    ['Getty Images', 'byline'],
    ['Download our app', 'site-chrome'],
    ['Comments have been closed for this article.', 'site-chrome'],
    ['By using this website, you agree to our use of cookies.', 'site-chrome'],
    ['Cookies help us deliver our services.', 'site-chrome'],
    ['Newsletter sign-up', 'site-chrome'],
    ['All rights reserved © 2025 Northern Wire', 'site-chrome'],
    ['Written by Desk Editor', 'byline'],
    ['Copy link', 'site-chrome'],
    ['Print this article', 'site-chrome'],
  ];

  it('sets apart Arabic chrome, each with a fitting reason', () => {
    for (const [chrome, reason] of arabicChrome) {
      const text = [AR_1, chrome, AR_2].join('\n\n');
      expect(claimsOf(text), chrome).toEqual([AR_1, AR_2]);
      expect(excluded(text), chrome).toEqual([[chrome, reason]]);
    }
  });

  it('sets apart English chrome, each with a fitting reason', () => {
    for (const [chrome, reason] of englishChrome) {
      const text = [EN_1, chrome, EN_2].join('\n\n');
      expect(claimsOf(text, 'en'), chrome).toEqual([EN_1, EN_2]);
      expect(excluded(text), chrome).toEqual([[chrome, reason]]);
    }
  });

  it('sets apart a byline on the line under the headline', () => {
    const text = `Rebels seize Aleppo central prison\nBy Desk Editor\n\n${EN_1}\n\nShare this article\nFacebook\nTwitter`;
    const parsed = parseReport(report(text, 'en'));
    expect(parsed.title).toBe('Rebels seize Aleppo central prison');
    expect(parsed.claims.map((c) => c.text)).toEqual([EN_1]);
  });

  it('sets apart the dateline that opens a report, and nothing like it further down', () => {
    for (const [dateline, language] of [
      ['KYIV, May 23 (Eastern Courier) -', 'en'],
      ['ALEPPO, Syria —', 'en'],
      ['BEIRUT (Levant Wire) —', 'en'],
      ['دمشق (وكالة الأفق) -', 'ar'],
      ['حلب - وكالة الأفق:', 'ar'],
    ] as const) {
      const first = language === 'en' ? EN_1 : AR_1;
      const second = language === 'en' ? EN_2 : AR_2;
      const text = `Headline of the day\n\n${dateline} ${first}\n\n${second}`;
      const parsed = parseReport(report(text, language));
      expect(parsed.claims.map((c) => c.text), dateline).toEqual([first, second]);
      expect(excluded(text), dateline).toEqual([[dateline, 'byline']]);
    }
    const later = `${AR_1}\n\nحلب - وكالة الأفق: ${AR_2}`;
    expect(claimsOf(later)).toContain(`حلب - وكالة الأفق: ${AR_2}`);
    const datelineLine = `الجيش يستعيد المطار\nالفاشر - شبكة النيل الإخبارية\n${AR_1}`;
    expect(claimsOf(datelineLine)).toEqual([AR_1]);
  });

  it('sets apart lists of other articles given on one line', () => {
    for (const list of ['Most Read: Damascus airport reopens | Wheat harvest falls again', 'Related Topics: Yemen | Shipping | Red Sea', 'الأكثر قراءة: أسعار الذهب اليوم | طقس بارد في الشمال']) {
      expect(claimsOf([EN_1, list, EN_2].join('\n\n'), 'en'), list).toEqual([EN_1, EN_2]);
    }
  });

  it('keeps real claims that merely mention the same words', () => {
    const claims = [
      'شارك الآلاف في تظاهرة وسط دمشق احتفالا بسقوط النظام.',
      'وشارك وزير الخارجية في الاجتماع الطارئ للجامعة العربية.',
      'كتب الرئيس على منصة إكس أن بلاده تدعم الحل السياسي.',
      'وقالت الوزارة إن التعليقات مغلقة على صفحتها الرسمية منذ الأحد بعد حملة تحريض.',
      'The government shared information about the strike with the U.N. on Monday.',
      'By Sunday, rebels had seized most of the city.',
      'The ministry said it would share details of the agreement with parliament.',
      'Officials followed us on the road to the border, the correspondent said.',
      'Regulators fined the company for setting cookies without consent, the agency said.',
      'اشترك أكثر من 300 مقاتل في الهجوم على البلدة.',
      'تابعنا التطورات على مدار الساعة من داخل المدينة.',
      'تحرير حلب كان هدف الهجوم منذ البداية، بحسب القائد الميداني.',
      'صور الأقمار الصناعية أظهرت دمارا واسعا في المدينة.',
      'نشر الجيش صورا للعملية في 3 مواقع.',
      'سجل المرصد مقتل 40 مدنيا، وفق ما ورد في البريد الإلكتروني للمنظمة.',
      'By Christmas the rebels had reached the coast.',
      'Join the talks, the envoy urged both sides on Sunday.',
      'Updated figures released on 3 December showed 40 dead.',
      'Copyright law changes were approved by parliament on Monday.',
      'Photo evidence shows the convoy was hit, investigators said.',
      'The strike was first reported by Reuters.',
      'Reporting by local journalists showed the prison was empty.',
      'Share prices fell 3% in Damascus on Monday.',
      'وقال الوزير إن كل الحقوق محفوظة للمتضررين من الزلزال.',
      'The envoy said all rights reserved to refugees under the deal would be honoured.',
    ];
    for (const claim of claims) {
      const text = [AR_1, claim, AR_2].join('\n\n');
      expect(claimsOf(text, /[a-z]/i.test(claim) ? 'en' : 'ar'), claim).toEqual([AR_1, claim, AR_2]);
    }
  });

  it('takes a trailing photo credit off the claim it follows', () => {
    const text = `${EN_1} (Photo: Reuters)\n\n${AR_2} (صورة: أرشيفية)`;
    expect(claimsOf(text, 'en')).toEqual([EN_1, AR_2]);
  });
});

describe('an article with single line breaks between its paragraphs', () => {
  it('sets apart teasers, chrome and marker lines between the paragraphs', () => {
    const text = [
      'المعارضة تسيطر على سجن حلب المركزي',
      'كتب: محرر الشؤون العربية',
      AR_1,
      'اقرأ أيضاً',
      'المعارضة تسيطر على مطار حلب الدولي',
      AR_2,
      'إعلان',
      'شارك',
      'إقرأ أيضا: روسيا تشن غارات على إدلب',
      AR_3,
      'المصدر: وكالة الأفق',
      'التعليقات مغلقة',
    ].join('\n');
    const parsed = parseReport(report(text));
    expect(parsed.title).toBe('المعارضة تسيطر على سجن حلب المركزي');
    expect(parsed.sourceLine).toBe('وكالة الأفق');
    expect(parsed.claims.map((c) => c.text)).toEqual([AR_1, AR_2, AR_3]);
    expectExactClaims(parsed);
  });

  it('sets apart the titles under "Related:" and «اقرأ أيضاً», one per line, and keeps the article after them', () => {
    const text = [EN_1, 'Related:', 'Rebels take Aleppo airport', 'Russia strikes Idlib', EN_2, EN_3].join('\n');
    expect(claimsOf(text, 'en')).toEqual([EN_1, EN_2, EN_3]);
    const arabic = [AR_1, 'اقرأ أيضاً', 'المعارضة تسيطر على مطار حلب', 'روسيا تقصف إدلب', AR_2, AR_3].join('\n');
    expect(claimsOf(arabic)).toEqual([AR_1, AR_2, AR_3]);
  });

  it('does the same in English, and never cuts hard-wrapped prose at a line that looks like chrome', () => {
    const wrapped = 'The base lies about 35 km east of Aleppo, and officials said they would\nread more than twenty reports on it before they\nagree';
    const text = ['Rebels seize Aleppo central prison', 'By Desk Editor', EN_1, 'Also Read: Rebels take Aleppo airport', EN_2, 'Share this article', wrapped, 'Advertisement', EN_3].join('\n');
    const parsed = parseReport(report(text, 'en'));
    expect(parsed.claims.map((c) => c.text)).toEqual([EN_1, EN_2, 'The base lies about 35 km east of Aleppo', wrapped.slice(wrapped.indexOf('and officials')), EN_3]);
    expectExactClaims(parsed);
  });
});

describe('long texts', () => {
  it('parses a 1 MB paragraph of short lines, each a heading candidate, in one pass', () => {
    const text = `${'المعارضة تتقدم\n'.repeat(60_000)}${AR_1.repeat(20)}`;
    const parsed = parseReport(report(text));
    expect(parsed.blocks.length).toBeGreaterThan(0);
    expectExactClaims(parsed);
  });
});
