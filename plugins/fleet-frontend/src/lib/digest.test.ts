import {
  digestOfReference,
  imageMatchesDesired,
  repositoryOfReference,
  shortDigest,
} from './digest';

const HEX = '1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b';

describe('shortDigest', () => {
  it('keeps the algorithm and eight hex characters', () => {
    expect(shortDigest(`sha256:${HEX}`)).toBe('sha256:1a2b3c4d…');
  });

  it('accepts a full reference', () => {
    expect(shortDigest(`quay.io/kairos/ubuntu@sha256:${HEX}`)).toBe(
      'sha256:1a2b3c4d…',
    );
  });

  it('leaves short or algorithm-less text alone', () => {
    expect(shortDigest('sha256:abc')).toBe('sha256:abc');
    expect(shortDigest('latest')).toBe('latest');
    expect(shortDigest(undefined)).toBe('');
  });
});

describe('references', () => {
  it('splits repository and digest', () => {
    const ref = `registry.example.com:5000/kairos/ubuntu@sha256:${HEX}`;
    expect(digestOfReference(ref)).toBe(`sha256:${HEX}`);
    expect(repositoryOfReference(ref)).toBe(
      'registry.example.com:5000/kairos/ubuntu',
    );
  });

  it('handles tag-only references', () => {
    expect(digestOfReference('quay.io/kairos/ubuntu:v3.2.1')).toBeUndefined();
    expect(repositoryOfReference('registry.example.com:5000/kairos:v3')).toBe(
      'registry.example.com:5000/kairos',
    );
  });

  it('compares by digest when both are pinned, else by whole reference', () => {
    expect(
      imageMatchesDesired(
        `mirror/kairos@sha256:${HEX}`,
        `quay.io/kairos@sha256:${HEX}`,
      ),
    ).toBe(true);
    expect(
      imageMatchesDesired(
        `quay.io/kairos@sha256:${HEX}`,
        'quay.io/kairos@sha256:ffff',
      ),
    ).toBe(false);
    expect(imageMatchesDesired('quay.io/kairos:v3', 'quay.io/kairos:v3')).toBe(
      true,
    );
    expect(
      imageMatchesDesired(`quay.io/kairos@sha256:${HEX}`, 'quay.io/kairos:v3'),
    ).toBe(false);
  });
});
