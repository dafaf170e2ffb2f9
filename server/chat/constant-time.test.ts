import { describe, expect, it } from 'vitest';
import { constantTimeEqual } from './constant-time.ts';

describe('constantTimeEqual', () => {
  it('is true only for identical strings, whatever their lengths', () => {
    expect(constantTimeEqual('mm-token-0123456789', 'mm-token-0123456789')).toBe(true);
    expect(constantTimeEqual('mm-token-0123456789', 'mm-token-0123456788')).toBe(false);
    expect(constantTimeEqual('mm-token-0123456789', 'mm-token')).toBe(false);
    expect(constantTimeEqual('mm-token-0123456789', '')).toBe(false);
    expect(constantTimeEqual('토큰', '토큰')).toBe(true);
  });
});
