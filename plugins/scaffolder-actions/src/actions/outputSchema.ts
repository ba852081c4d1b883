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

/** Outputs of fleet:vm:manifest naming the image reference its VMs record. */
export const imageReferenceOutputSchema = {
  imageReference: (z: typeof zod) =>
    z
      .string()
      .describe(
        'The repo@sha256:<digest> the VMs boot and record on their nodes',
      ),
  imageReferenceSource: (z: typeof zod) =>
    z
      .string()
      .describe(
        'Where it was read: "<path> <field>" of the VMImage in the checkout, or "input imageReference" when the repo holds no such VMImage',
      ),
};
