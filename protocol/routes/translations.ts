import { z } from 'zod';
import { Locale } from '../i18n.js';
import {
  SharedTranslation,
  SharedTranslationFields,
  TranslationCoverage,
  TranslationKind,
  TranslationList,
} from '../translations.js';
import { defineRoute, json } from './contract.js';

const ADMIN = '/api/v1/clerk/admin';

export const TranslationQuery = z.object({
  kind: TranslationKind.optional(),
  /** A LeiKa key, or a FIM schema id and version ("S00000094@1.0"). */
  key: z.string().max(60).optional(),
});
export const TranslationParams = z.object({ key: z.string().min(1).max(60), locale: Locale });

/** Shared translations (protocol/translations.ts): made once, served to every catalog on the hub. */
export const translationRoutes = {
  translations: defineRoute({
    method: 'GET',
    path: `${ADMIN}/translations`,
    audience: 'admin',
    summary: 'The shared translations of service descriptions and forms, filtered by kind and key.',
    query: TranslationQuery,
    answers: { 200: json(TranslationList, 'The translations.') },
  }),
  putTranslation: defineRoute({
    method: 'PUT',
    path: `${ADMIN}/translations/:key/:locale`,
    audience: 'admin',
    summary:
      'Sets one language of a shared translation: of a service by LeiKa key, of a form by FIM schema id@version.',
    params: TranslationParams,
    body: SharedTranslationFields,
    answers: { 200: json(SharedTranslation, 'Changed.'), 201: json(SharedTranslation, 'Created.') },
  }),
  translationCoverage: defineRoute({
    method: 'GET',
    path: `${ADMIN}/translations/coverage`,
    audience: 'admin',
    summary: 'Per language: how many services and forms are translated by people, by machine, or not at all.',
    answers: { 200: json(TranslationCoverage, 'The coverage.') },
  }),
} as const;
