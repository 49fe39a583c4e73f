import type { CallTexts } from '../texts.js';
import { minutes } from '../wait-minutes.js';

/** Turkish, polite "siz" form, as in the rest of the kiosk. */
export const tr: CallTexts = {
  talkToClerk: 'Belediyeyle görüşün',
  panelTitle: 'Belediyeden görüntülü danışma',
  office: 'Birim',
  videoHoursToday: 'Bugünkü görüntülü görüşme saatleri',
  noHoursToday: 'Bugün görüntülü görüşme saati yok',
  openNow: 'Şu anda açık',
  closedNow: 'Şu anda görüşme saatleri dışında',
  clerksFree: (n) => (n === 1 ? '1 görevli müsait' : `${n} görevli müsait`),
  clerksBusy: 'Tüm görevliler görüşmede',
  nobodyOnline: 'Şu anda görüntülü görüşme için kimse yok',
  waitingCount: (n) => (n === 0 ? 'Bekleyen kimse yok' : `${n} kişi bekliyor`),
  estimatedWait: (s) =>
    s === null
      ? 'Bekleme süresi bilinmiyor'
      : s < 60
        ? 'Bekleme süresi: bir dakikadan az'
        : `Bekleme süresi: yaklaşık ${minutes(s)} dakika`,
  hubUnreachable:
    'Belediyeye şu anda ulaşılamıyor. Geri arama talebi bırakabilir veya randevu alabilirsiniz.',
  terminalOffline:
    'Bu terminal şu anda çevrimdışı: görüntülü arama bağlantı gelince yeniden mümkün olur. Geri arama talebini veya randevuyu şimdiden bırakabilirsiniz; terminal bağlanınca gönderilir.',
  startCall: 'Görüntülü aramayı başlat',
  requestCallback: 'Geri arama isteyin',
  bookAppointment: 'Randevu alın',
  close: 'Kapat',
  consentTitle: 'Kamera ve mikrofon açılsın mı?',
  consentText:
    'Görüşme için bu terminalin kamerası ve mikrofonu açılır. Görüşme kaydedilmez. İstediğiniz zaman kapatabilirsiniz.',
  consentAgree: 'Kabul ediyorum, ara',
  cancel: 'İptal',
  starting: 'Kamera açılıyor …',
  queuePosition: (n) => `Sıradaki yeriniz: ${n}`,
  queueJoining: 'Sıraya alınıyorsunuz …',
  transferred: 'Başka bir görevliye aktarılıyorsunuz.',
  cancelCall: 'Aramayı iptal et',
  connectedWith: (name) => `${name} ile görüşmedesiniz`,
  reconnecting: 'Bağlantı yeniden kuruluyor …',
  connecting: 'Bağlantı kuruluyor …',
  hangUp: 'Görüşmeyi bitir',
  clerkVideo: 'Görevlinin görüntüsü',
  ownVideo: 'Kendi görüntünüz',
  quality: { good: 'Bağlantı iyi', fair: 'Bağlantı orta', poor: 'Bağlantı zayıf' },
  audioOnly: 'Bağlantı zayıf: yalnızca ses, görüntü yok.',
  chat: 'Yazılı sohbet',
  chatInput: 'Mesaj yazın',
  send: 'Gönder',
  me: 'Ben',
  clerk: 'Belediye',
  coviewTitle: 'Görevli formunuzu görebilir mi?',
  coviewText:
    'Görevli yazdıklarınızı görür – yalnızca bakar, değiştiremez. İstediğiniz zaman sonlandırabilirsiniz.',
  coviewAllow: 'Evet, göster',
  coviewDeny: 'Hayır',
  coviewActive: 'Belediye formunuzu görüyor.',
  coviewStop: 'Paylaşımı durdur',
  stillTaken: 'Belediye belgenizin bir fotoğrafını çekti.',
  ended: {
    hangup: 'Görüşme sona erdi.',
    cancelled: 'Arama iptal edildi.',
    unanswered: 'Üzgünüz, şu anda aramanızı kimse yanıtlayamadı.',
    peer_vanished: 'Bağlantı koptu.',
    closed: 'Görüntülü görüşme hizmeti şu anda kullanılamıyor.',
    camera_failed: 'Kamera veya mikrofon açılamadı.',
  },
  leaveRequest: 'Geri arama isteyebilir veya randevu alabilirsiniz.',
  name: 'Adınız',
  phone: 'Geri arama için telefon numarası',
  note: 'Konu nedir? (isteğe bağlı)',
  slot: 'Saat seçin',
  noSlots: 'Önümüzdeki iki hafta içinde boş görüntülü randevu yok.',
  save: 'Gönder',
  invalidName: 'Lütfen adınızı girin.',
  invalidPhone: 'Lütfen bir telefon numarası girin (yalnızca rakam, boşluk, + ve -).',
  callbackSaved: 'Teşekkürler! Belediye sizi geri arayacak.',
  appointmentSaved: (slot) => `Teşekkürler! Görüntülü randevunuz: ${slot}.`,
  savedOffline: 'Talebiniz kaydedildi ve terminal bağlanır bağlanmaz gönderilecek.',
  savedSent: 'Talebiniz belediyeye ulaştı.',
};
