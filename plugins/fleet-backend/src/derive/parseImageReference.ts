/** An OCI image reference split into repository and digest (when pinned by digest). */
export interface ImageReference {
  reference: string;
  repository: string;
  digest?: string;
}

const DIGEST = /^sha256:[a-f0-9]{64}$/;

export function parseImageReference(text: string): ImageReference | undefined {
  const reference = text.trim();
  if (!reference || /\s/.test(reference)) return undefined;
  const at = reference.lastIndexOf('@');
  if (at > 0) {
    const digest = reference.slice(at + 1);
    if (!DIGEST.test(digest)) return undefined;
    return { reference, repository: stripTag(reference.slice(0, at)), digest };
  }
  return { reference, repository: stripTag(reference) };
}

function stripTag(repository: string): string {
  const lastSlash = repository.lastIndexOf('/');
  const colon = repository.lastIndexOf(':');
  return colon > lastSlash ? repository.slice(0, colon) : repository;
}
