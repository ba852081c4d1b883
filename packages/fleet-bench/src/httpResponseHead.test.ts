import { parseResponseHead } from './httpResponseHead';

describe('parseResponseHead', () => {
  it('waits for the whole head, then gives status, Content-Length and where the body starts', () => {
    const head =
      'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nContent-Length: 42\r\n\r\n';
    expect(parseResponseHead(Buffer.from(head.slice(0, 30)))).toBeUndefined();
    expect(parseResponseHead(Buffer.from(`${head}{"partial`))).toEqual({
      status: 200,
      contentLength: 42,
      headLength: head.length,
    });
  });

  it('refuses responses it could not frame', () => {
    expect(() =>
      parseResponseHead(
        Buffer.from('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n'),
      ),
    ).toThrow('has no Content-Length');
    expect(() =>
      parseResponseHead(
        Buffer.from('HTTP/1.1 200 OK\r\nContent-Length: \r\n\r\n'),
      ),
    ).toThrow('has no Content-Length');
    expect(() => parseResponseHead(Buffer.from('SSH-2.0\r\n\r\n'))).toThrow(
      'not an HTTP/1.1 response',
    );
  });
});
