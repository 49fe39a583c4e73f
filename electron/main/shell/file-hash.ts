import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** base64 SHA-512 of a file, read as a stream (packages are 100 MB and more): latest*.yml's form. */
export function sha512OfFile(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha512');
    createReadStream(path)
      .on('error', reject)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('base64')));
  });
}
