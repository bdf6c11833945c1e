import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../errors.ts';

/** The one file of an upload form. Its name and declared type are kept for the log only: content decides. */
export interface UploadedFile {
  bytes: Buffer;
  name: string;
  declaredType: string;
}

/** A parsed upload form: its text fields (first value of each name) and its one file, if any. */
export interface UploadBody {
  fields: Record<string, string>;
  file: UploadedFile | null;
  /** The CSRF check reads the form's `_csrf` field from the body's top level. */
  _csrf?: string;
}

export interface UploadLimits {
  /** Largest file accepted; a larger one is refused as MEDIA_TOO_LARGE. */
  maxFileBytes: number;
  /** Room for the text fields and the multipart framing on top of the file. */
  overheadBytes?: number;
  /** Parts (fields and files) allowed in one form. */
  maxParts?: number;
  /** Longest text field (bytes). */
  maxFieldBytes?: number;
}

/**
 * Parses multipart/form-data bodies in this scope (register it in a scope holding only the upload
 * routes). It parses while Fastify parses bodies, before the newsroom's CSRF check (a preValidation
 * hook on the root) reads the `_csrf` field, so an upload form works without JavaScript.
 * @fastify/multipart cannot do that: it reads the parts in preValidation or in the handler, after
 * that check, so only the x-csrf-token header of scripts would ever be seen.
 *
 * The body is read up to the file limit plus a small overhead, then refused as MEDIA_TOO_LARGE
 * (at once when Content-Length already says so); Fastify closes the connection after such a refusal.
 * Parsing uses the platform's WHATWG FormData parser (undici in Node).
 */
export function registerUploadParser(scope: FastifyInstance, limits: UploadLimits): void {
  const overhead = limits.overheadBytes ?? 64 * 1024;
  const maxParts = limits.maxParts ?? 8;
  const maxFieldBytes = limits.maxFieldBytes ?? 16 * 1024;
  const maxBody = limits.maxFileBytes + overhead;

  scope.addContentTypeParser('multipart/form-data', async (request: FastifyRequest, payload: NodeJS.ReadableStream): Promise<UploadBody> => {
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBody) throw new AppError('MEDIA_TOO_LARGE', { details: `content-length ${declared}` });
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of payload) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += buffer.length;
      // Leaving the loop destroys the stream: nothing more is read.
      if (size > maxBody) throw new AppError('MEDIA_TOO_LARGE', { details: `body over ${maxBody} bytes` });
      chunks.push(buffer);
    }

    let form: FormData;
    try {
      const contentType = String(request.headers['content-type']);
      form = await new Response(Buffer.concat(chunks), { headers: { 'content-type': contentType } }).formData();
    } catch (cause) {
      throw new AppError('VALIDATION_FAILED', { details: 'malformed multipart body', cause, fields: { file: 'تعذّرت قراءة النموذج المرسل؛ أعد المحاولة.' } });
    }

    // No prototype: a field named "__proto__" or "constructor" is just a name.
    const fields: Record<string, string> = Object.create(null);
    let file: UploadedFile | null = null;
    let parts = 0;
    for (const [name, value] of form) {
      parts += 1;
      if (parts > maxParts) throw new AppError('VALIDATION_FAILED', { details: 'too many parts', fields: { file: 'النموذج يحوي حقولاً أكثر من المتوقع.' } });
      if (typeof value === 'string') {
        if (Buffer.byteLength(value) > maxFieldBytes) {
          throw new AppError('VALIDATION_FAILED', { details: `field ${name.slice(0, 40)} too long`, fields: { [fieldKey(name)]: 'النص أطول من المسموح.' } });
        }
        if (!(name in fields)) fields[name] = value;
        continue;
      }
      if (file) throw new AppError('VALIDATION_FAILED', { details: 'more than one file', fields: { file: 'ارفع صورة واحدة في كل مرة.' } });
      // An empty file input still sends a part (no name, no bytes): that is "no file chosen".
      if (value.size === 0 && value.name === '') continue;
      if (value.size > limits.maxFileBytes) throw new AppError('MEDIA_TOO_LARGE', { details: `${value.size} bytes` });
      file = { bytes: Buffer.from(await value.arrayBuffer()), name: value.name.slice(0, 200), declaredType: value.type.slice(0, 100) };
    }
    const body: UploadBody = { fields, file };
    if (typeof fields._csrf === 'string') body._csrf = fields._csrf;
    return body;
  });
}

/** Field names echoed in error responses are our own names only. */
function fieldKey(name: string): string {
  return ['alt', 'caption', 'credit'].includes(name) ? name : 'file';
}
