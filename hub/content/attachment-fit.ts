import { ATTACHMENT_DEFAULTS } from '../../protocol/attachments.js';
import { requiredAttachmentCount, type FormDefinition } from '../../protocol/forms.js';
import { localize } from '../../protocol/i18n.js';

/**
 * Forms that terminals left at the default limits do not start: they require more photos and
 * scans than ATTACHMENT_DEFAULTS.maxCount. Such a form is valid (FormDefinition refuses only more
 * than an application carries), but only terminals configured with a higher attachments.maxCount
 * take it; the others send the citizen to the office or a video call. Said when content is published.
 */
export function attachmentFitWarnings(
  forms: readonly Pick<FormDefinition, 'id' | 'title' | 'ui'>[],
  maxCount = ATTACHMENT_DEFAULTS.maxCount,
): string[] {
  return forms.flatMap((form) => {
    const required = requiredAttachmentCount(form);
    if (required <= maxCount) return [];
    return [
      `form "${form.id}" (${localize(form.title, 'de').text}) requires ${required} photos and scans: ` +
        `only terminals with attachments.maxCount >= ${required} start it (default ${maxCount}); ` +
        'the others offer it for the office or a video call',
    ];
  });
}
