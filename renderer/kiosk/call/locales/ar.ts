import { plural } from '../../i18n/plural.js';
import type { CallTexts } from '../texts.js';
import { minutes } from '../wait-minutes.js';

/** Arabic (Modern Standard Arabic, plain wording); the call panel is laid out right to left. */
export const ar: CallTexts = {
  talkToClerk: 'تحدث مع البلدية',
  panelTitle: 'استشارة بالفيديو مع البلدية',
  office: 'الجهة',
  videoHoursToday: 'مواعيد الفيديو اليوم',
  noHoursToday: 'لا توجد مواعيد فيديو اليوم',
  openNow: 'مفتوح الآن',
  closedNow: 'خارج مواعيد الفيديو الآن',
  clerksFree: (n) =>
    plural('ar', n, {
      one: 'موظف واحد متاح',
      two: 'موظفان متاحان',
      few: '# موظفين متاحين',
      many: '# موظفًا متاحًا',
      other: '# موظف متاح',
    }),
  clerksBusy: 'جميع الموظفين في مكالمات',
  nobodyOnline: 'لا يوجد أحد متاح لمكالمات الفيديو الآن',
  waitingCount: (n) =>
    plural('ar', n, {
      zero: 'لا أحد في الانتظار',
      one: 'شخص واحد في الانتظار',
      two: 'شخصان في الانتظار',
      few: '# أشخاص في الانتظار',
      many: '# شخصًا في الانتظار',
      other: '# شخص في الانتظار',
    }),
  estimatedWait: (s) =>
    s === null
      ? 'مدة الانتظار غير معروفة'
      : s < 60
        ? 'مدة الانتظار: أقل من دقيقة'
        : `مدة الانتظار: حوالي ${plural('ar', minutes(s), { one: 'دقيقة واحدة', two: 'دقيقتين', few: '# دقائق', many: '# دقيقة', other: '# دقيقة' })}`,
  hubUnreachable: 'لا يمكن الوصول إلى البلدية الآن. يمكنك طلب معاودة الاتصال أو حجز موعد.',
  terminalOffline:
    'هذه المحطة غير متصلة الآن: تعود مكالمات الفيديو عند عودة الاتصال. يمكنك الآن طلب معاودة الاتصال أو حجز موعد، ويُرسل الطلب فور اتصال المحطة.',
  startCall: 'بدء مكالمة الفيديو',
  requestCallback: 'طلب معاودة الاتصال',
  bookAppointment: 'حجز موعد',
  close: 'إغلاق',
  consentTitle: 'تشغيل الكاميرا والميكروفون؟',
  consentText:
    'لإجراء المكالمة يتم تشغيل الكاميرا والميكروفون في هذا الجهاز. لا يتم تسجيل المكالمة. يمكنك إنهاء المكالمة في أي وقت.',
  consentAgree: 'موافق، اتصل',
  cancel: 'إلغاء',
  starting: 'جارٍ تشغيل الكاميرا …',
  queuePosition: (n) => `ترتيبك في قائمة الانتظار: ${n}`,
  queueJoining: 'جارٍ إضافتك إلى قائمة الانتظار …',
  transferred: 'جارٍ تحويلك.',
  cancelCall: 'إلغاء المكالمة',
  connectedWith: (name) => `في مكالمة مع ${name}`,
  reconnecting: 'جارٍ استعادة الاتصال …',
  connecting: 'جارٍ الاتصال …',
  hangUp: 'إنهاء المكالمة',
  clerkVideo: 'فيديو الموظف',
  ownVideo: 'صورتك',
  quality: { good: 'الاتصال جيد', fair: 'الاتصال متوسط', poor: 'الاتصال ضعيف' },
  audioOnly: 'الاتصال ضعيف: صوت فقط، بدون صورة.',
  chat: 'دردشة نصية',
  chatInput: 'اكتب رسالة',
  send: 'إرسال',
  me: 'أنا',
  clerk: 'البلدية',
  coviewTitle: 'هل يمكن للموظف رؤية استمارتك؟',
  coviewText: 'سيرى الموظف ما تكتبه – للاطلاع فقط دون تغيير. يمكنك إيقاف ذلك في أي وقت.',
  coviewAllow: 'نعم، اعرض',
  coviewDeny: 'لا',
  coviewActive: 'البلدية ترى استمارتك.',
  coviewStop: 'إيقاف المشاركة',
  stillTaken: 'التقطت البلدية صورة لمستندك.',
  ended: {
    hangup: 'انتهت المكالمة.',
    cancelled: 'تم إلغاء المكالمة.',
    unanswered: 'عذرًا، لم يتمكن أحد من الرد على مكالمتك الآن.',
    peer_vanished: 'انقطع الاتصال.',
    closed: 'خدمة الفيديو غير متاحة الآن.',
    camera_failed: 'تعذر تشغيل الكاميرا أو الميكروفون.',
  },
  leaveRequest: 'يمكنك طلب معاودة الاتصال أو حجز موعد.',
  name: 'اسمك',
  phone: 'رقم الهاتف لمعاودة الاتصال',
  note: 'ما موضوع طلبك؟ (اختياري)',
  slot: 'اختر موعدًا',
  noSlots: 'لا توجد مواعيد فيديو متاحة في الأسبوعين القادمين.',
  save: 'إرسال',
  invalidName: 'يرجى إدخال اسمك.',
  invalidPhone: 'يرجى إدخال رقم هاتف (أرقام ومسافات و + و - فقط).',
  callbackSaved: 'شكرًا لك! ستتصل بك البلدية.',
  appointmentSaved: (slot) => `شكرًا لك! موعد الفيديو الخاص بك: ${slot}.`,
  savedOffline: 'تم حفظ طلبك وسيُرسل فور اتصال الجهاز.',
  savedSent: 'وصل طلبك إلى البلدية.',
};
