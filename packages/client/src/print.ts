// A record's print view (records.print: GET /api/forms/:form/records/:id/print; needs the `print` action): the form's
// visible fields, the record cut down to them, and the flow with its log (signatures as data URLs).
import type { FieldDefinition, LocalizedText } from "@formwork/schema";
import type { RecordFlow } from "./tasks";
import type { FormRecord } from "./types";

export interface PrintView {
  form: { id: string; name: LocalizedText; version: number; fields: FieldDefinition[] };
  record: FormRecord;
  flow: {
    instance: RecordFlow["instance"];
    chart: { nodes: Array<Pick<RecordFlow["chart"]["nodes"][number], "id" | "type" | "name" | "state">> };
    log: Array<RecordFlow["log"][number] & { signatureImage: string | null }>;
  } | null;
  printedAt: string;
}
