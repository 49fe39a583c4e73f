import type { Locale } from '../../../protocol/i18n.js';

/**
 * Key layouts for the on-screen keyboard: each language's script with its own letters (German
 * umlauts and ß, Turkish ç ğ ı ö ş ü, Arabic, Ukrainian and Russian Cyrillic), a number pad for
 * numbers and dates, a phone pad with the signs a phone number is written with (+ - / space),
 * and an e-mail layout with @ and common endings.
 * {bksp} {shift} {space} {enter} are the function keys; keyLabel names them for a screen reader.
 */
export type KeyboardKind = 'text' | 'numeric' | 'tel' | 'email';
export type KeyboardLayout = Record<string, string[]>;

const NUMBERS = '1 2 3 4 5 6 7 8 9 0';

export const TEXT_LAYOUTS: Record<Locale, KeyboardLayout> = {
  de: {
    default: [
      `${NUMBERS} ß {bksp}`,
      'q w e r t z u i o p ü',
      'a s d f g h j k l ö ä',
      '{shift} y x c v b n m , . -',
      '{space}',
    ],
    shift: [
      `! " § $ % & / ( ) = ? {bksp}`,
      'Q W E R T Z U I O P Ü',
      'A S D F G H J K L Ö Ä',
      '{shift} Y X C V B N M ; : _',
      '{space}',
    ],
  },
  en: {
    default: [
      `${NUMBERS} {bksp}`,
      'q w e r t y u i o p',
      'a s d f g h j k l',
      "{shift} z x c v b n m , . ' -",
      '{space}',
    ],
    shift: [
      `! @ # $ % & * ( ) ? {bksp}`,
      'Q W E R T Y U I O P',
      'A S D F G H J K L',
      '{shift} Z X C V B N M ; : " _',
      '{space}',
    ],
  },
  tr: {
    default: [
      `${NUMBERS} {bksp}`,
      'q w e r t y u ı o p ğ ü',
      'a s d f g h j k l ş i',
      '{shift} z x c v b n m ö ç . -',
      '{space}',
    ],
    shift: [
      `! " ^ + % & / ( ) = ? {bksp}`,
      'Q W E R T Y U I O P Ğ Ü',
      'A S D F G H J K L Ş İ',
      '{shift} Z X C V B N M Ö Ç : _',
      '{space}',
    ],
  },
  ar: {
    default: [
      `١ ٢ ٣ ٤ ٥ ٦ ٧ ٨ ٩ ٠ {bksp}`,
      'ض ص ث ق ف غ ع ه خ ح ج',
      'ش س ي ب ل ا ت ن م ك ط',
      '{shift} ئ ء ؤ ر ى ة و ز ظ د',
      '{space}',
    ],
    shift: [
      `${NUMBERS} {bksp}`,
      'َ ً ُ ٌ لإ إ ‘ ÷ × ؛ <',
      'ِ ٍ ] [ لأ أ ـ ، / : "',
      '{shift} ~ ْ } { لآ آ ’ , . ؟',
      '{space}',
    ],
  },
  uk: {
    default: [
      `${NUMBERS} {bksp}`,
      'й ц у к е н г ш щ з х ї',
      'ф і в а п р о л д ж є',
      "{shift} я ч с м и т ь б ю ' ґ",
      '{space}',
    ],
    shift: [
      `! " № ; % : ? * ( ) {bksp}`,
      'Й Ц У К Е Н Г Ш Щ З Х Ї',
      'Ф І В А П Р О Л Д Ж Є',
      '{shift} Я Ч С М И Т Ь Б Ю . Ґ',
      '{space}',
    ],
  },
  ru: {
    default: [
      `${NUMBERS} {bksp}`,
      'й ц у к е н г ш щ з х ъ',
      'ф ы в а п р о л д ж э',
      '{shift} я ч с м и т ь б ю ё',
      '{space}',
    ],
    shift: [
      `! " № ; % : ? * ( ) {bksp}`,
      'Й Ц У К Е Н Г Ш Щ З Х Ъ',
      'Ф Ы В А П Р О Л Д Ж Э',
      '{shift} Я Ч С М И Т Ь Б Ю Ё',
      '{space}',
    ],
  },
};

export const NUMERIC_LAYOUT: KeyboardLayout = { default: ['1 2 3', '4 5 6', '7 8 9', '0 {bksp}'] };

/** Phone numbers as the phone field's hint allows them: "+49 3521 1234-56", "03521/123456". */
export const TEL_LAYOUT: KeyboardLayout = {
  default: ['1 2 3 +', '4 5 6 -', '7 8 9 /', '{space} 0 {bksp}'],
};

export const EMAIL_LAYOUT: KeyboardLayout = {
  default: [
    `${NUMBERS} {bksp}`,
    'q w e r t z u i o p',
    'a s d f g h j k l',
    '{shift} y x c v b n m - _',
    '@ . .de .com {space}',
  ],
  shift: [
    `${NUMBERS} {bksp}`,
    'Q W E R T Z U I O P',
    'A S D F G H J K L',
    '{shift} Y X C V B N M - _',
    '@ . .de .com {space}',
  ],
};

export function layoutFor(kind: KeyboardKind, locale: Locale): KeyboardLayout {
  if (kind === 'numeric') return NUMERIC_LAYOUT;
  if (kind === 'tel') return TEL_LAYOUT;
  if (kind === 'email') return EMAIL_LAYOUT;
  return TEXT_LAYOUTS[locale];
}

/** What a key press does to the text; the caller writes the result into the field. */
export function applyKey(value: string, button: string): string | null {
  if (button === '{bksp}') return value.slice(0, -1);
  if (button === '{space}') return `${value} `;
  if (button === '{shift}' || button === '{enter}') return null;
  return value + button;
}

export interface FunctionKeyNames {
  backspace: string;
  shift: string;
  space: string;
  enter: string;
}

const FUNCTION_KEYS: Record<string, { shown: string; name: keyof FunctionKeyNames }> = {
  '{bksp}': { shown: '⌫', name: 'backspace' },
  '{shift}': { shown: '⇧', name: 'shift' },
  '{space}': { shown: '', name: 'space' },
  '{enter}': { shown: '↵', name: 'enter' },
};

/**
 * What a key shows and what a screen reader calls it: function keys by their name in the
 * keyboard's language, a combining mark (Arabic harakat) on a dotted circle so it can be seen.
 */
export function keyLabel(key: string, names: FunctionKeyNames): { shown: string; name: string } {
  const special = FUNCTION_KEYS[key];
  if (special) return { shown: special.shown, name: names[special.name] };
  return { shown: /^\p{M}+$/u.test(key) ? `\u25cc${key}` : key, name: key };
}
