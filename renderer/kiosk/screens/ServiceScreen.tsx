import type { Office, Service } from '../../../protocol/catalog.js';
import { WEEKDAYS } from '../../../protocol/clock.js';
import { localize, type Locale, type LocalizedText } from '../../../protocol/i18n.js';
import { translationState } from '../../../protocol/translations.js';
import { Button } from '../../shared/ui/index.js';
import { StructuredText } from '../components/StructuredText.js';
import { localized, type LocalizedProps } from '../i18n/Localized.js';
import { formatEuro, type Texts } from '../i18n/texts.js';

export interface ServiceScreenProps {
  t: Texts;
  locale: Locale;
  service: Service;
  office: Office | undefined;
  hasForm: boolean;
  /**
   * Set when the form requires more photos and scans than this terminal takes
   * (`attachments.maxCount`): the citizen could not finish it here, so it is not started.
   */
  tooManyFiles?: { needed: number; allowed: number } | undefined;
  /** A video call is offered on this screen: said as the other way to apply. */
  callOffered?: boolean | undefined;
  onStartForm(): void;
  onBack(): void;
}

/** A service description with every field a LeiKa description carries. */
export function ServiceScreen({
  t,
  locale,
  service,
  office,
  hasForm,
  tooManyFiles,
  callOffered = false,
  onStartForm,
  onBack,
}: ServiceScreenProps) {
  const as = (text: LocalizedText) => localized(text, locale);
  const anyFallback = [service.name, service.shortText, service.longText].some(
    (text) => localize(text, locale).fellBack,
  );
  return (
    <main className="kiosk-page kiosk-service-detail">
      <h1 {...as(service.name)} />
      {anyFallback && <p className="kiosk-note">{t.notTranslated}</p>}
      {!anyFallback && translationState(service.name, service.translationOrigins, locale) === 'machine' && (
        <p className="kiosk-note">{t.machineTranslated}</p>
      )}
      <p className="kiosk-lead" {...as(service.shortText)} />
      <div className="kiosk-actions">
        {hasForm && tooManyFiles ? (
          <p className="kiosk-note" role="status">
            {t.formNeedsMoreFiles(tooManyFiles.needed, tooManyFiles.allowed)}
            {callOffered && ` ${t.formNeedsMoreFilesCall}`}
          </p>
        ) : hasForm ? (
          <Button variant="primary" size="large" onClick={onStartForm}>
            {t.startForm}
          </Button>
        ) : (
          <p className="kiosk-note">{t.noForm}</p>
        )}
        <Button size="large" onClick={onBack}>
          {t.back}
        </Button>
      </div>
      <StructuredText {...as(service.longText)} />
      <Section title={t.requiredDocuments} items={service.requiredDocuments.map(as)} />
      <Section title={t.prerequisites} items={service.prerequisites.map(as)} />
      <Section
        title={t.fees}
        items={service.fees.map((fee) => {
          const description = as(fee.description);
          // A free fee with its own sentence ("Die Anmeldung ist gebührenfrei.") says it already.
          const amount =
            fee.amountCents === null
              ? ''
              : fee.amountCents === 0
                ? description.children
                  ? ''
                  : t.free
                : formatEuro(fee.amountCents, locale);
          return { ...description, children: [description.children, amount].filter(Boolean).join(': ') };
        })}
      />
      <section>
        <h2>{t.processingTime}</h2>
        <p {...as(service.processingTime)} />
      </section>
      {service.deadlines && (
        <section>
          <h2>{t.deadlines}</h2>
          <p {...as(service.deadlines)} />
        </section>
      )}
      {/* Legal citations are German in every language, so they are marked like a fallback. */}
      <Section title={t.legalBasis} items={service.legalBasis.map((basis) => as({ de: basis }))} />
      {office && (
        <section>
          <h2>{t.responsibleOffice}</h2>
          <address className="kiosk-office">
            <strong {...as(office.name)} />
            <br />
            {office.address.street}, {office.address.postalCode} {office.address.city}
            <br />
            {office.phone} · {office.email}
          </address>
          <h3>{t.openingHours}</h3>
          <ul className="kiosk-hours">
            {WEEKDAYS.filter((day) => office.openingHours.some((h) => h.day === day)).map((day) => (
              <li key={day}>
                <span className="kiosk-hours__day">{t.days[day]}</span>{' '}
                {office.openingHours
                  .filter((h) => h.day === day)
                  .map((h) => `${h.from}–${h.to}`)
                  .join(', ')}
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}

function Section({ title, items }: { title: string; items: LocalizedProps[] }) {
  if (items.length === 0) return null;
  return (
    <section>
      <h2>{title}</h2>
      <ul>
        {items.map((item, index) => (
          <li key={index}>
            <span {...item} />
          </li>
        ))}
      </ul>
    </section>
  );
}
