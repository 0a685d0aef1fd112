/** Which input field holds each part of a document (`--text-field body`, …). */
export interface FieldMap {
  id: string;
  date: string;
  title: string;
  text: string;
  url: string;
  source: string;
}

export const DEFAULT_FIELDS: FieldMap = { id: 'id', date: 'date', title: 'title', text: 'text', url: 'url', source: 'source' };
