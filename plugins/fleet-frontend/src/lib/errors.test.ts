import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { describeReadError, isNotFound, isPermissionDenied } from './errors';
import { responseError } from '../__testUtils__/responses';

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

describe('isNotFound', () => {
  it('recognises a 404 response error or a NotFoundError', () => {
    expect(isNotFound({ name: 'ResponseError', statusCode: 404 })).toBe(true);
    expect(isNotFound(new NotFoundError('gone'))).toBe(true);
    expect(
      isNotFound({ name: 'ResponseError', cause: { name: 'NotFoundError' } }),
    ).toBe(true);
  });

  it('does not mistake other errors for a 404', () => {
    expect(isNotFound(new NotAllowedError('denied'))).toBe(false);
    expect(isNotFound({ name: 'ResponseError', statusCode: 500 })).toBe(false);
    expect(isNotFound(null)).toBe(false);
  });
});

describe('describeReadError', () => {
  it('names a denial as missing permission, else uses the message', () => {
    expect(describeReadError(new NotAllowedError('nope'))).toBe(
      'you lack permission to read the fleet',
    );
    expect(describeReadError(new Error('connection refused'))).toBe(
      'connection refused',
    );
    expect(describeReadError('???')).toBe('the fleet could not be read');
  });

  it("prefers the server's error carried by a ResponseError", async () => {
    expect(
      describeReadError(await responseError(500, 'database unavailable')),
    ).toBe('database unavailable');
  });
});
