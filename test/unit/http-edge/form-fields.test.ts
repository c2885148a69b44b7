import fc from 'fast-check';
import { parseFormFields, splitFieldName, type FormObject } from '../../../shared/http-edge/form-fields';

function parsed(body: string, options = {}): FormObject {
  const result = parseFormFields(body, options);
  if (result.kind !== 'parsed') throw new Error(`expected a parsed form, got ${JSON.stringify(result)}`);
  return result.fields;
}

describe('web form fields', () => {
  it('nests dotted and bracketed names into the same objects', () => {
    const dotted = parsed('requester.email=ana%40contoso.com&requester.name=Ana+Silva&severity=B');
    const bracketed = parsed('requester[email]=ana%40contoso.com&requester[name]=Ana+Silva&severity=B');
    expect(dotted).toEqual({ requester: { email: 'ana@contoso.com', name: 'Ana Silva' }, severity: 'B' });
    expect(bracketed).toEqual(dotted);
  });

  it('goes several levels deep and mixes both notations', () => {
    expect(parsed('contract[customer].address.city=Lisboa')).toEqual({ contract: { customer: { address: { city: 'Lisboa' } } } });
  });

  it('collects repeated names and name[] into arrays', () => {
    expect(parsed('products=entra-id&products=exchange')).toEqual({ products: ['entra-id', 'exchange'] });
    expect(parsed('products[]=entra-id')).toEqual({ products: ['entra-id'] });
  });

  it('treats a blank input as not provided, as a JSON client would leave the field out', () => {
    expect(parsed('requester.phone=&requester.name=Ana')).toEqual({ requester: { name: 'Ana' } });
  });

  it('turns listed checkboxes into booleans, false when unticked (absent)', () => {
    const options = { checkboxFields: ['onPremises', 'consent.downgrade', 'urgent'] };
    expect(parsed('onPremises=on&consent.downgrade=true', options)).toEqual({
      onPremises: true,
      consent: { downgrade: true },
      urgent: false,
    });
    // The hidden "false" plus checkbox pattern: the ticked box comes last and wins.
    expect(parsed('urgent=false&urgent=on', options)).toMatchObject({ urgent: true });
    expect(parsed('urgent=off', options)).toMatchObject({ urgent: false });
  });

  it('leaves "on" in a text field a string', () => {
    expect(parsed('summary=on&onPremises=on', { checkboxFields: ['onPremises'] })).toEqual({ summary: 'on', onPremises: true });
  });

  it('leaves an unexpected checkbox value for the schema to reject', () => {
    expect(parsed('urgent=maybe', { checkboxFields: ['urgent'] })).toEqual({ urgent: 'maybe' });
  });

  it.each(['__proto__[isAdmin]=true', 'a.__proto__.isAdmin=true', 'constructor[prototype][isAdmin]=true'])(
    'refuses %s without touching Object.prototype',
    (body) => {
      const result = parseFormFields(body);
      expect(result.kind).toBe('malformed');
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    },
  );

  it.each(['a..b=1', 'a[b=1', '[x]=1', 'a[]b=1', '.a=1', 'a[][]=1'])('refuses the ill-formed name in %s', (body) => {
    expect(parseFormFields(body)).toMatchObject({ kind: 'malformed' });
  });

  it('refuses a name used both as a value and as a group', () => {
    expect(parseFormFields('requester=Ana&requester.email=a%40b.co')).toMatchObject({ kind: 'malformed', field: 'requester.email' });
    expect(parseFormFields('requester.email=a%40b.co&requester=Ana')).toMatchObject({ kind: 'malformed', field: 'requester' });
  });

  it('bounds the number of fields and their depth', () => {
    expect(parseFormFields('a=1&b=2&c=3', { maxFields: 2 })).toMatchObject({ kind: 'malformed' });
    expect(parseFormFields('a.b.c.d=1', { maxDepth: 3 })).toMatchObject({ kind: 'malformed' });
    expect(parseFormFields('a.b.c=1', { maxDepth: 3 })).toMatchObject({ kind: 'parsed' });
  });

  it('splits names into segments', () => {
    expect(splitFieldName('a.b[c]')).toEqual({ segments: ['a', 'b', 'c'], appends: false });
    expect(splitFieldName('tags[]')).toEqual({ segments: ['tags'], appends: true });
    expect(splitFieldName('a]')).toBeUndefined();
  });

  describe('round trip', () => {
    const key = fc.stringMatching(/^[a-z][a-zA-Z0-9_-]{0,8}$/).filter((name) => !['constructor', 'prototype'].includes(name));
    const tree: fc.Arbitrary<FormObject> = fc.letrec<{ node: FormObject }>((tie) => ({
      node: fc.dictionary(key, fc.oneof({ depthSize: 'small' }, fc.string({ minLength: 1 }), tie('node')), { minKeys: 1, maxKeys: 4 }),
    })).node;

    function encode(node: FormObject, prefix: string, style: 'dots' | 'brackets'): [string, string][] {
      return Object.entries(node).flatMap(([name, value]) => {
        const field = prefix === '' ? name : style === 'dots' ? `${prefix}.${name}` : `${prefix}[${name}]`;
        return typeof value === 'string' ? [[field, value] as [string, string]] : encode(value as FormObject, field, style);
      });
    }

    it('reads back any nested object of non-empty strings sent by a browser, in either notation', () => {
      fc.assert(
        fc.property(tree, fc.constantFrom('dots' as const, 'brackets' as const), (fields, style) => {
          const body = new URLSearchParams(encode(fields, '', style)).toString();
          expect(parsed(body, { maxDepth: 64, maxFields: 10_000 })).toEqual(fields);
        }),
      );
    });
  });
});
