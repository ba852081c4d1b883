import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { isPermissionDenied } from './errors';

describe('isPermissionDenied', () => {
  it('recognises a 403 response error or a NotAllowedError', () => {
    expect(isPermissionDenied({ name: 'ResponseError', statusCode: 403 })).toBe(
      true,
    );
    expect(isPermissionDenied(new NotAllowedError('denied'))).toBe(true);
    expect(
      isPermissionDenied({
        name: 'ResponseError',
        statusCode: 500,
        cause: { name: 'NotAllowedError' },
      }),
    ).toBe(true);
  });

  it('does not mistake other errors for a denial', () => {
    expect(isPermissionDenied(new NotFoundError('gone'))).toBe(false);
    expect(isPermissionDenied({ name: 'ResponseError', statusCode: 404 })).toBe(
      false,
    );
    expect(isPermissionDenied(undefined)).toBe(false);
    expect(isPermissionDenied('403')).toBe(false);
  });
});
