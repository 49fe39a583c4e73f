/**
 * FIT-Connect metadata ("Metadatensatz") for one application, version 1.2.0 of the published
 * metadata schema (protocol/fitconnect/vendor/). The 1.x line goes with Submission API v1, which
 * the hub speaks; every 1.x receiver accepts a 1.2.0 record (the schema's own `$schema` pattern
 * admits any 1.x.y). Built by the terminal before encryption: the hub never sees it.
 */
export const METADATA_SCHEMA_VERSION = '1.2.0';
export const METADATA_SCHEMA_URI = `https://schema.fitko.de/fit-connect/metadata/${METADATA_SCHEMA_VERSION}/metadata.schema.json`;

/** FIT-Connect names a public service by its LeiKa key as a URN. */
export function leikaIdentifier(leikaKey: string): string {
  if (!/^\d{14}$/.test(leikaKey)) throw new Error(`leikaKey must have 14 digits, got "${leikaKey}"`);
  return `urn:de:fim:leika:leistung:${leikaKey}`;
}

/**
 * The schema the data follows: a FIM Stammdatenschema by its FIM id (FIT-Connect's schema
 * repository names them so), otherwise the hub's own form schema by id and version.
 */
export function submissionSchemaUri(form: { id: string; version: number; fimSchemaId?: string | undefined }) {
  if (form.fimSchemaId) return `https://schema.fitko.de/fim/${form.fimSchemaId.toLowerCase()}.schema.json`;
  return `urn:point-of-public:form:${form.id}:${form.version}`;
}

export interface FitConnectAttachmentInput {
  attachmentId: string;
  sha512: string;
  mimeType: string;
  filename: string;
  description?: string | undefined;
}

export interface FitConnectMetadataInput {
  /** Our id of the application (the terminal made it); FIT-Connect's own ids come later. */
  submissionId: string;
  trackingCode: string;
  /** The case this application belongs to on our side (the tracking code's case). */
  caseId: string;
  leikaKey: string;
  serviceName: string;
  schemaUri: string;
  dataSha512: string;
  /** The day the citizen applied, YYYY-MM-DD. */
  applicationDate: string;
  attachments: readonly FitConnectAttachmentInput[];
}

export interface FitConnectMetadata {
  $schema: string;
  contentStructure: {
    data: {
      hash: { type: 'sha512'; content: string };
      submissionSchema: { schemaUri: string; mimeType: 'application/json' };
    };
    attachments: {
      attachmentId: string;
      hash: { type: 'sha512'; content: string };
      purpose: 'attachment';
      mimeType: string;
      filename: string;
      description?: string;
    }[];
  };
  publicServiceType: { name: string; identifier: string };
  additionalReferenceInfo: { senderReference: string; applicationDate: string };
}

/**
 * senderReference carries our submission id, tracking code and case id: the receiving office can
 * quote it to the citizen, and a duplicate would show at once.
 */
export function senderReference(
  input: Pick<FitConnectMetadataInput, 'submissionId' | 'trackingCode' | 'caseId'>,
) {
  return `pop:${input.submissionId}:${input.trackingCode}:${input.caseId}`;
}

export function buildFitConnectMetadata(input: FitConnectMetadataInput): FitConnectMetadata {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.applicationDate))
    throw new Error(`applicationDate must be YYYY-MM-DD, got "${input.applicationDate}"`);
  return {
    $schema: METADATA_SCHEMA_URI,
    contentStructure: {
      data: {
        hash: { type: 'sha512', content: input.dataSha512 },
        submissionSchema: { schemaUri: input.schemaUri, mimeType: 'application/json' },
      },
      attachments: input.attachments.map((a) => ({
        attachmentId: a.attachmentId,
        hash: { type: 'sha512', content: a.sha512 },
        purpose: 'attachment',
        mimeType: a.mimeType,
        filename: a.filename,
        ...(a.description ? { description: a.description } : {}),
      })),
    },
    publicServiceType: { name: input.serviceName, identifier: leikaIdentifier(input.leikaKey) },
    additionalReferenceInfo: {
      senderReference: senderReference(input),
      applicationDate: input.applicationDate,
    },
  };
}
