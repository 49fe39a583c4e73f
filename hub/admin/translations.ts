import type { Locale } from '../../protocol/i18n.js';
import {
  FIM_FORM_KEY,
  LEIKA_KEY,
  type SharedTranslation,
  type SharedTranslationFields,
} from '../../protocol/translations.js';
import { refreshRevision } from '../content/store.js';
import { listTranslations, setTranslation, tenantOffers } from '../content/translations.js';
import type { HubKysely } from '../db/schema.js';
import { recordAudit } from './audit.js';
import { refused, type AdminScope } from './scope.js';

/** Sets one language of a shared translation; terminals get it with the next content sync. */
export async function putTranslation(
  db: HubKysely,
  scope: AdminScope,
  key: string,
  locale: Locale,
  fields: SharedTranslationFields,
): Promise<{ translation: SharedTranslation; created: boolean }> {
  if (locale === 'de')
    throw refused(
      400,
      'invalid',
      'locale',
      'German is the source text: it is changed in the service or form',
    );
  if (fields.kind === 'service' && !LEIKA_KEY.test(key))
    throw refused(400, 'invalid', 'key', `a service translation goes by a 14-digit LeiKa key, not "${key}"`);
  if (fields.kind === 'form' && !FIM_FORM_KEY.test(key))
    throw refused(
      400,
      'invalid',
      'key',
      `a form translation goes by FIM schema id@version (S00000094@1.0), not "${key}"`,
    );
  // Shared with every municipality that offers the key: one writes only for what it offers itself.
  if (!(await tenantOffers(db, scope.tenantId, fields.kind, key)))
    throw refused(
      404,
      'not_found',
      'key',
      fields.kind === 'service'
        ? `this municipality offers no service with LeiKa key ${key}`
        : `this municipality has no form of FIM schema ${key}`,
    );
  const [before] = await listTranslations(db, { kind: fields.kind, key }).then((all) =>
    all.filter((t) => t.locale === locale),
  );
  const { translation, created } = await setTranslation(db, key, locale, fields, scope.now);
  // Shared across the hub: every municipality's catalog that holds the key gets a new revision.
  const catalogs = await db.selectFrom('content_meta').select('tenant_id').execute();
  for (const { tenant_id } of catalogs) await refreshRevision(db, tenant_id, scope.now);
  await recordAudit(
    db,
    scope,
    created ? 'translation.create' : 'translation.update',
    `translation:${fields.kind}:${key}:${locale}`,
    before ?? null,
    translation,
  );
  return { translation, created };
}
