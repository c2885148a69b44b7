/**
 * The client address behind Azure's front end: the X-Forwarded-For entry the trusted proxies
 * wrote, counted from the right, never what the client wrote to its left.
 */
import { clientAddressOf, UNKNOWN_CLIENT_ADDRESS } from '../../../shared/http-edge/client-address';

const headers = (forwardedFor?: string) => new Headers(forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor });

describe('the client address', () => {
  it('is the entry Azure appended, without its port', () => {
    expect(clientAddressOf(headers('203.0.113.7:50123'), 1)).toBe('203.0.113.7');
    expect(clientAddressOf(headers('[2001:DB8::1]:443'), 1)).toBe('2001:db8::1');
    expect(clientAddressOf(headers('2001:db8::1'), 1)).toBe('2001:db8::1');
  });

  it('ignores whatever the client claimed to the left of it', () => {
    expect(clientAddressOf(headers('10.0.0.1, 198.51.100.2, 203.0.113.7:50123'), 1)).toBe('203.0.113.7');
  });

  it('counts one more hop for each proxy of ours in front of Azure', () => {
    expect(clientAddressOf(headers('10.0.0.1, 203.0.113.7, 198.51.100.250:1234'), 2)).toBe('203.0.113.7');
  });

  it('is one shared bucket when the header is missing or shorter than the trusted hops', () => {
    expect(clientAddressOf(headers(), 1)).toBe(UNKNOWN_CLIENT_ADDRESS);
    expect(clientAddressOf(headers('203.0.113.7'), 2)).toBe(UNKNOWN_CLIENT_ADDRESS);
  });
});
