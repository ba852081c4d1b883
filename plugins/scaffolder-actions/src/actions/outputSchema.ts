import type { z as zod } from 'zod/v3';

/** Output schema shared by every fleet action. */
export const changeOutputSchema = {
  files: (z: typeof zod) =>
    z.array(z.string()).describe('Paths written, changed or deleted, sorted'),
  manifests: (z: typeof zod) =>
    z
      .record(z.string(), z.string())
      .describe('The new YAML text per written path, for display'),
  deleted: (z: typeof zod) =>
    z.array(z.string()).describe('Paths deleted, sorted'),
};
