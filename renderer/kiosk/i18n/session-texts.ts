/**
 * Texts of ending a visit, the on-screen keyboard's function keys, search across topics and
 * length limits, in every kiosk language.
 */
import { plural } from './plural.js';

export interface SessionTexts {
  endSessionTitle: string;
  endSessionBody: string;
  endSessionConfirm: string;
  endSessionCancel: string;
  /** Names of the keyboard's function keys, as a screen reader says them. */
  keys: { backspace: string; shift: string; space: string; enter: string };
  /** Said above the hits when a topic is chosen but the search looks through all of them. */
  searchAllTopics: string;
  /** Before the topic's name on each hit ("Thema: Ausweise & Dokumente"). */
  hitTopic: string;
  /** The live counter under a field with a length limit. */
  charsUsed: (used: number, max: number) => string;
  charsFull: (max: number) => string;
}

export const sessionDe: SessionTexts = {
  endSessionTitle: 'Sitzung beenden?',
  endSessionBody: 'Ihre Angaben werden gelöscht. Das lässt sich nicht rückgängig machen.',
  endSessionConfirm: 'Ja, alles löschen',
  endSessionCancel: 'Weiter ausfüllen',
  keys: { backspace: 'Rücktaste', shift: 'Umschalttaste', space: 'Leertaste', enter: 'Eingabetaste' },
  searchAllTopics: 'Gesucht wird in allen Themen, nicht nur in:',
  hitTopic: 'Thema:',
  charsUsed: (used, max) => `${used} von ${max} Zeichen`,
  charsFull: (max) => `Höchstens ${max} Zeichen: Weitere Zeichen werden nicht übernommen.`,
};

export const sessionEn: SessionTexts = {
  endSessionTitle: 'End the session?',
  endSessionBody: 'Your answers will be deleted. This cannot be undone.',
  endSessionConfirm: 'Yes, delete everything',
  endSessionCancel: 'Keep filling in',
  keys: { backspace: 'Backspace', shift: 'Shift', space: 'Space', enter: 'Enter' },
  searchAllTopics: 'Searching all topics, not only:',
  hitTopic: 'Topic:',
  charsUsed: (used, max) => `${used} of ${max} characters`,
  charsFull: (max) => `At most ${max} characters: further characters are not taken.`,
};

export const sessionTr: SessionTexts = {
  endSessionTitle: 'Oturum sonlandırılsın mı?',
  endSessionBody: 'Girdiğiniz bilgiler silinecek. Bu geri alınamaz.',
  endSessionConfirm: 'Evet, hepsini sil',
  endSessionCancel: 'Doldurmaya devam et',
  keys: { backspace: 'Geri silme', shift: 'Büyük harf', space: 'Boşluk', enter: 'Giriş' },
  searchAllTopics: 'Yalnızca bu konuda değil, tüm konularda aranıyor:',
  hitTopic: 'Konu:',
  charsUsed: (used, max) => `${max} karakterden ${used}`,
  charsFull: (max) => `En fazla ${max} karakter: fazlası alınmaz.`,
};

export const sessionAr: SessionTexts = {
  endSessionTitle: 'إنهاء الجلسة؟',
  endSessionBody: 'ستُحذف بياناتك. لا يمكن التراجع عن ذلك.',
  endSessionConfirm: 'نعم، احذف كل شيء',
  endSessionCancel: 'متابعة التعبئة',
  keys: { backspace: 'حذف', shift: 'الأحرف الكبيرة', space: 'مسافة', enter: 'إدخال' },
  searchAllTopics: 'يجري البحث في كل المواضيع، وليس فقط في:',
  hitTopic: 'الموضوع:',
  charsUsed: (used, max) => `${used} من ${arabicLetters(max)}`,
  charsFull: (max) => `${arabicLetters(max)} كحد أقصى: لا تُقبل أحرف إضافية.`,
};

export const sessionUk: SessionTexts = {
  endSessionTitle: 'Завершити сеанс?',
  endSessionBody: 'Ваші дані буде видалено. Це не можна скасувати.',
  endSessionConfirm: 'Так, видалити все',
  endSessionCancel: 'Продовжити заповнення',
  keys: { backspace: 'Видалити', shift: 'Великі літери', space: 'Пробіл', enter: 'Введення' },
  searchAllTopics: 'Пошук у всіх темах, а не лише в:',
  hitTopic: 'Тема:',
  charsUsed: (used, max) => `${used} з ${plural('uk', max, { one: '# символу', other: '# символів' })}`,
  charsFull: (max) => `Не більше ${max} символів: подальші символи не приймаються.`,
};

export const sessionRu: SessionTexts = {
  endSessionTitle: 'Завершить сеанс?',
  endSessionBody: 'Ваши данные будут удалены. Это нельзя отменить.',
  endSessionConfirm: 'Да, удалить всё',
  endSessionCancel: 'Продолжить заполнение',
  keys: { backspace: 'Удалить', shift: 'Заглавные буквы', space: 'Пробел', enter: 'Ввод' },
  searchAllTopics: 'Поиск во всех темах, а не только в:',
  hitTopic: 'Тема:',
  charsUsed: (used, max) => `${used} из ${plural('ru', max, { one: '# символа', other: '# символов' })}`,
  charsFull: (max) => `Не более ${max} символов: дальнейшие символы не принимаются.`,
};

function arabicLetters(n: number): string {
  return plural('ar', n, { one: 'حرف واحد', two: 'حرفين', few: '# أحرف', many: '# حرفًا', other: '# حرف' });
}
