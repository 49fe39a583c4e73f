import { useCallback, useEffect, useState } from 'react';
import {
  attachmentProblem,
  type AttachmentLimits,
  type AttachmentProblem,
} from '../../../protocol/attachments.js';
import {
  attachmentField,
  attachmentRoom,
  fieldAttachmentLimits,
} from '../../../protocol/form-attachments.js';
import type { FormDefinition } from '../../../protocol/forms.js';
import type { CapturedFile } from '../components/fields/AttachmentField.js';
import {
  addDraftAttachment,
  draftAttachments,
  removeDraftAttachment,
  type DraftAttachment,
  type DraftStore,
  type KioskDatabase,
} from '../storage/index.js';

export interface Attachments {
  /** The draft's photos and scans as stored, for the screens. */
  items: readonly DraftAttachment[];
  /** Reads them again (after the draft was restored, discarded or submitted). */
  reload(): Promise<void>;
  /** Stores a new file for `fieldId`, or says why the limits refuse it (nothing is stored then). */
  add(fieldId: string, file: CapturedFile): Promise<AttachmentProblem | null>;
  remove(id: string): void;
}

export interface AttachmentsInput {
  db: KioskDatabase;
  drafts: DraftStore;
  limits: AttachmentLimits;
  /** The open form and its answers as shown: they decide how much room a field has. */
  form: FormDefinition | undefined;
  answers: Record<string, unknown>;
  /** A field now has as many files as it needs: its "photo missing" message can go. */
  onFieldSatisfied(fieldId: string): void;
}

/** The draft's photos and scans: stored in IndexedDB (citizen data), mirrored here for the screens. */
export function useAttachments({
  db,
  drafts,
  limits,
  form,
  answers,
  onFieldSatisfied,
}: AttachmentsInput): Attachments {
  const [items, setItems] = useState<readonly DraftAttachment[]>([]);
  const reload = useCallback(() => draftAttachments(db).then(setItems), [db]);
  useEffect(() => {
    void reload();
  }, [reload]);

  const add = async (fieldId: string, file: CapturedFile): Promise<AttachmentProblem | null> => {
    // Counted as taken: the files sent and the room other fields keep for their required ones.
    const room = form
      ? attachmentRoom(form, answers, items, fieldId, limits.maxCount).left
      : limits.maxCount - items.length;
    const field = form ? attachmentField(form, fieldId) : undefined;
    const problem = attachmentProblem(
      fieldAttachmentLimits(limits, field),
      { mediaType: file.mediaType, size: file.bytes.byteLength },
      limits.maxCount - room,
    );
    if (problem) return problem;
    await drafts.flush(); // the photo belongs to a draft that exists on disk
    await addDraftAttachment(db, {
      id: crypto.randomUUID(),
      fieldId,
      name: file.name,
      mediaType: file.mediaType,
      size: file.bytes.byteLength,
      bytes: file.bytes,
      createdAt: new Date().toISOString(),
    });
    // Awaited, so "next" right after "keep" counts the new photo.
    await reload();
    const have = items.filter((a) => a.fieldId === fieldId).length + 1;
    if (have >= (field?.minCount ?? 0)) onFieldSatisfied(fieldId);
    return null;
  };

  const remove = (id: string) => void removeDraftAttachment(db, id).then(reload);

  return { items, reload, add, remove };
}
