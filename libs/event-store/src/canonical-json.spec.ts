import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}',
    );
  });

  it('is independent of key insertion order', () => {
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }));
  });

  it('writes bigint as a decimal string and drops undefined properties', () => {
    expect(canonicalJson({ big: 12345678901234567890n, gone: undefined })).toBe('{"big":"12345678901234567890"}');
  });

  it('escapes strings the way JSON does', () => {
    expect(canonicalJson({ 'k"ey': 'line\nbreak ü' })).toBe('{"k\\"ey":"line\\nbreak ü"}');
  });

  it('refuses values that would not read back the same', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow('$.n is NaN');
    expect(() => canonicalJson({ n: Infinity })).toThrow(TypeError);
    expect(() => canonicalJson({ at: new Date(0) })).toThrow('$.at is a Date');
    expect(() => canonicalJson([undefined])).toThrow('$[0] is a undefined');
    expect(() => canonicalJson({ f: () => 1 })).toThrow(TypeError);
  });
});

describe('canonicalJson, the fast path against the explaining one', () => {
  it('writes exactly what the key-sorting definition gives, numeric-looking keys and unicode included', () => {
    const value = { '10': 1, '9': [true, false, null, -0, 1e21, 0.1], é: { b: 'ü', a: [] }, A: {}, 'a b': 12n };
    expect(canonicalJson(value)).toBe(
      '{"10":1,"9":[true,false,null,0,1e+21,0.1],"A":{},"a b":"12","é":{"a":[],"b":"ü"}}',
    );
    expect(canonicalJson(Object.assign(Object.create(null) as object, { z: 1, y: 2 }))).toBe('{"y":2,"z":1}');
  });
});
