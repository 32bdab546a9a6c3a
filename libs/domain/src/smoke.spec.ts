import { z } from 'zod';
test('zod loads', () => expect(z.string().parse('x')).toBe('x'));
