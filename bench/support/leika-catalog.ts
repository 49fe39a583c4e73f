import { demoContent } from '../../demo/demo-content.js';
import type { ContentSnapshot } from '../../protocol/content.js';

/**
 * A catalog the size of LeiKa: 8,600 services and 200 forms, made from the demo municipality's
 * real texts with distinct ids and names, so sizes and compressibility are realistic.
 */
export function leikaSizeCatalog(services = 8_600, forms = 200): Omit<ContentSnapshot, 'revision'> {
  const generatedForms = Array.from({ length: forms }, (_, i) => {
    const base = demoContent.forms[i % demoContent.forms.length];
    if (!base) throw new Error('demo content has no forms');
    return {
      ...base,
      id: `form-${String(i).padStart(3, '0')}`,
      title: { ...base.title, de: `${base.title.de} (${i})` },
    };
  });
  const generatedServices = Array.from({ length: services }, (_, i) => {
    const base = demoContent.services[i % demoContent.services.length];
    if (!base) throw new Error('demo content has no services');
    const form = i % 43 === 0 ? generatedForms[(i / 43) % forms] : undefined;
    return {
      ...base,
      id: `svc-${String(i).padStart(5, '0')}`,
      leikaKey: String(99_000_000_000_000 + i),
      name: { ...base.name, de: `${base.name.de} – Variante ${i}` },
      formId: form ? form.id : null,
    };
  });
  return { ...demoContent, services: generatedServices, forms: generatedForms };
}
