import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fetchMe, login, type Me } from '../api/session.js';
import { useSessionStore } from './session.js';

vi.mock('../api/session.js', () => ({ fetchMe: vi.fn(), login: vi.fn() }));
const fetchMock = vi.mocked(fetchMe);
const loginMock = vi.mocked(login);

type User = NonNullable<Me>;
const user = (over: Partial<User> = {}): User =>
  ({
    name: 'Eva',
    roles: ['enhetschef'],
    device: null,
    csrfToken: 'tok',
    organisation: { id: 'flen', name: 'Flen' },
    scope: { kind: 'units', units: ['BU'] },
    ...over,
  }) as unknown as User;

describe('session store', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    fetchMock.mockReset();
    loginMock.mockReset();
  });

  it('asks the server once and remembers the answer', async () => {
    fetchMock.mockResolvedValue(user());
    const s = useSessionStore();
    expect(s.me).toBeNull();
    await Promise.all([s.current(), s.current()]);
    expect(await s.current()).toMatchObject({ name: 'Eva' });
    expect(s.me).toMatchObject({ name: 'Eva' });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('asks again after a failure, a logout and a login', async () => {
    fetchMock.mockRejectedValueOnce(new Error('offline')).mockResolvedValue(user());
    const s = useSessionStore();
    await expect(s.current()).rejects.toThrow('offline');
    await s.current();
    expect(fetchMock).toHaveBeenCalledTimes(2);
    s.forget();
    expect(s.me).toBeNull();
    await s.current();
    expect(fetchMock).toHaveBeenCalledTimes(3);
    await s.signIn('eva', 'hemligt', 'flen');
    expect(loginMock).toHaveBeenCalledWith('eva', 'hemligt', 'flen');
    expect(s.me).toBeNull();
    await s.current();
    expect(fetchMock).toHaveBeenCalledTimes(4);
  });

  it('offers a form only to a person whose roles allow it, never to a wall screen or nobody', async () => {
    const s = useSessionStore();
    fetchMock.mockResolvedValue(user());
    expect(await s.may('comment')).toBe(true);
    expect(await s.may('target')).toBe(false);
    s.forget();
    fetchMock.mockResolvedValue(user({ device: { id: 1 } } as unknown as Partial<User>));
    expect(await s.may('comment')).toBe(false);
    s.forget();
    fetchMock.mockResolvedValue(null);
    expect(await s.may('comment')).toBe(false);
    s.forget();
    fetchMock.mockRejectedValue(new Error('offline'));
    expect(await s.may('comment')).toBe(false);
  });

  it("sends the session's CSRF token, and nothing before login", async () => {
    const s = useSessionStore();
    fetchMock.mockResolvedValue(user());
    expect(await s.headers()).toEqual({ 'x-csrf-token': 'tok' });
    s.forget();
    fetchMock.mockResolvedValue(null);
    expect(await s.headers()).toEqual({});
  });
});
