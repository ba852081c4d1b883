import { InputError } from '@backstage/errors';
import { z } from 'zod';

/** Validates path, query or body values; the first problem becomes a 400 naming the field. */
export function parseParams<T>(schema: z.ZodType<T>, params: unknown): T {
  const result = schema.safeParse(params);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new InputError(
      `${issue?.path.join('.') || 'path'}: ${issue?.message ?? 'invalid'}`,
    );
  }
  return result.data;
}
