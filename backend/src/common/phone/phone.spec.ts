import { InvalidPhoneError, normalizePhone, parsePhone, phoneDigits, type PhoneErrorReason } from './phone';

/** The reason normalizePhone refuses `input` with. */
function reasonOf(input: string, country: string | null): PhoneErrorReason {
  try {
    normalizePhone(input, country);
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidPhoneError);
    return (e as InvalidPhoneError).reason;
  }
  throw new Error(`expected ${input} to be refused`);
}

describe('normalizePhone', () => {
  it.each([
    ['(201) 555-0123', '+12015550123'],
    ['201.555.0123', '+12015550123'],
    ['1 201 555 0123', '+12015550123'],
    ['  +1-201-555-0123  ', '+12015550123'],
  ])('reads the US local format %p with default country US', (input, e164) => {
    expect(normalizePhone(input, 'US')).toBe(e164);
  });

  it.each([
    ['030 1234567', '+49301234567'],
    ['030/1234567', '+49301234567'],
    ['0151 23456789', '+4915123456789'],
    ['0049 30 1234567', '+49301234567'],
  ])('reads the German format %p with default country DE', (input, e164) => {
    expect(normalizePhone(input, 'DE')).toBe(e164);
  });

  it('reads an international +44 number whatever the default country', () => {
    expect(normalizePhone('+44 20 7946 0958', 'US')).toBe('+442079460958');
    expect(normalizePhone('+44 20 7946 0958', 'DE')).toBe('+442079460958');
    expect(normalizePhone('+44 20 7946 0958', null)).toBe('+442079460958');
  });

  it('reads the same local digits differently per default country', () => {
    expect(normalizePhone('030 1234567', 'DE')).toBe('+49301234567');
    expect(reasonOf('030 1234567', 'US')).toBe('invalid');
  });

  it('asks for a country code when there is no usable default country', () => {
    expect(reasonOf('030 1234567', null)).toBe('no_country');
    expect(reasonOf('030 1234567', 'XX')).toBe('no_country');
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['hello', 'not_a_number'],
    ['12', 'invalid'],
    ['+1 555 555 5555', 'invalid'],
    ['1-800-FLOWERS', 'not_a_number'],
    ['(415) 555-5555 and more text', 'not_a_number'],
    ['call me at 2015550123', 'not_a_number'],
    ['+1 201 555 0123 0000000000000', 'too_long'],
    ['1'.repeat(65), 'too_long'],
  ] as const)('refuses %p (%s)', (input, reason) => {
    expect(reasonOf(input, 'US')).toBe(reason);
  });

  it('gives each refusal a message fit for a form field', () => {
    expect(() => normalizePhone('hello', 'US')).toThrow(/^phone /);
  });

  it.each([['201-555-0123 ext. 42'], ['+1 201 555 0123 x42'], ['030 1234567;ext=5']])('refuses the extension in %p', (input) => {
    expect(reasonOf(input, input.startsWith('030') ? 'DE' : 'US')).toBe('extension');
  });
});

describe('parsePhone', () => {
  it('keeps the extension apart from the E.164 number', () => {
    expect(parsePhone('201-555-0123 ext. 42', 'US')).toEqual({ e164: '+12015550123', extension: '42' });
    expect(parsePhone('030 1234567;ext=5', 'DE')).toEqual({ e164: '+49301234567', extension: '5' });
  });

  it('has no extension for a plain number', () => {
    expect(parsePhone('+44 20 7946 0958', 'US')).toEqual({ e164: '+442079460958', extension: null });
  });
});

describe('phoneDigits', () => {
  it('keeps only the digits', () => {
    expect(phoneDigits('+1 (201) 555-0123')).toBe('12015550123');
    expect(phoneDigits('no digits')).toBe('');
  });
});
