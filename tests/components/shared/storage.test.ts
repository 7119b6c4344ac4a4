// @vitest-environment happy-dom
import { afterEach, describe, expect, test, vi } from 'vitest';
import { deviceStorage } from '../../../src/components/shared/storage';

/** A storage whose every call throws the given error, as browsers do when they refuse. */
const refusing = (name: string) => {
	const fail = () => {
		throw new DOMException('refused', name);
	};
	return { getItem: fail, setItem: fail, removeItem: fail };
};

afterEach(() => {
	vi.unstubAllGlobals();
	localStorage.clear();
});

describe('deviceStorage()', () => {
	test('reads back what it wrote, and forgets what it removed', () => {
		const storage = deviceStorage();
		expect(storage.available).toBe(true);
		expect(storage.write('k', 'v')).toBeNull();
		expect(storage.read('k')).toBe('v');
		storage.remove('k');
		expect(storage.read('k')).toBeNull();
	});

	test('says "full" when the browser is out of quota', () => {
		vi.stubGlobal('localStorage', refusing('QuotaExceededError'));
		expect(deviceStorage().write('k', 'v')).toBe('full');
	});

	test('says "unavailable" when the browser refuses storage, and reading gives nothing', () => {
		vi.stubGlobal('localStorage', refusing('SecurityError'));
		const storage = deviceStorage();
		expect(storage.write('k', 'v')).toBe('unavailable');
		expect(storage.read('k')).toBeNull();
	});

	test('has nothing to offer where there is no localStorage at all', () => {
		vi.stubGlobal('localStorage', undefined);
		const storage = deviceStorage();
		expect(storage.available).toBe(false);
		expect(storage.write('k', 'v')).toBe('unavailable');
		expect(storage.read('k')).toBeNull();
	});

	test('opens the browser storage at its first use, not when it is made', () => {
		const own = Object.getOwnPropertyDescriptor(globalThis, 'localStorage')!;
		const opened = vi.fn(() => refusing('SecurityError'));
		Object.defineProperty(globalThis, 'localStorage', { get: opened, configurable: true });
		try {
			const storage = deviceStorage();
			expect(opened).not.toHaveBeenCalled();
			expect(storage.read('k')).toBeNull();
			const calls = opened.mock.calls.length;
			expect(calls).toBeGreaterThan(0);
			// Once open, it stays the same store.
			expect(storage.available).toBe(true);
			expect(storage.write('k', 'v')).toBe('unavailable');
			expect(opened).toHaveBeenCalledTimes(calls);
		} finally {
			Object.defineProperty(globalThis, 'localStorage', own);
		}
	});
});
