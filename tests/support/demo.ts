import Database from 'better-sqlite3';
import { join } from 'node:path';
import { demoAnswers } from '../../hub/seed/demo-answers.js';
import { demoContent } from '../../hub/seed/demo-content.js';
import type { FormAnswers, FormDefinition } from '../../protocol/forms.js';
import type { Service } from '../../protocol/catalog.js';

/** A demo form with the service that offers it and a valid set of answers. */
export function demoForm(formId: string): { form: FormDefinition; service: Service; answers: FormAnswers } {
  const form = demoContent.forms.find((f) => f.id === formId);
  const service = demoContent.services.find((s) => s.formId === formId);
  const answers = demoAnswers[formId];
  if (!form || !service || !answers) throw new Error(`demo content has no form ${formId}`);
  return { form, service, answers };
}

/** Reads the hub's SQLite file directly: what is really on the town hall's disk. */
export function submissionsOnDisk(dataDir: string): { id: string; tracking_code: string; answers: string }[] {
  const db = new Database(join(dataDir, 'hub.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT id, tracking_code, answers FROM submissions').all() as {
      id: string;
      tracking_code: string;
      answers: string;
    }[];
  } finally {
    db.close();
  }
}
